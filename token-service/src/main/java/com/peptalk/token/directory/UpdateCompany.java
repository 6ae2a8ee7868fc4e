package com.peptalk.token.directory;

import com.peptalk.web.text.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code PUT /api/directory/companies/{id}}: the company's whole editable state. Setting {@code archived} is the
 * same as {@code DELETE}; setting {@code active} again revives the company but not what archiving it archived.
 */
public record UpdateCompany(@NotNull @PlainText @Size(max = 200) String name,
        @NotNull @Pattern(regexp = "active|archived") String status) {
}
