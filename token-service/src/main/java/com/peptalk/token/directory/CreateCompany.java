package com.peptalk.token.directory;

import com.peptalk.web.text.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/directory/companies}: a new company starts active. */
public record CreateCompany(@NotNull @PlainText @Size(max = 200) String name) {
}
