package com.peptalk.token.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code PUT /api/directory/project-groups/{id}}: the name is a group's only own attribute besides its members. */
public record RenameProjectGroup(@NotBlank @Size(max = 200) String name) {
}
