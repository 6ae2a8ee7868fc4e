package com.peptalk.token.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/directory/companies}: a new company starts active. */
public record CreateCompany(@NotBlank @Size(max = 200) String name) {
}
