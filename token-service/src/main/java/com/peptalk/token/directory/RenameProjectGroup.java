package com.peptalk.token.directory;

import com.peptalk.web.text.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code PUT /api/directory/project-groups/{id}}: the name is a group's only own attribute besides its members. */
public record RenameProjectGroup(@NotNull @PlainText @Size(max = 200) String name) {
}
