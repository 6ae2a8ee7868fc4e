package com.peptalk.token.directory;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The body of the membership endpoints: projects to set as, or add to, a group's members. */
public record ProjectIds(@NotNull @Size(max = 1000) List<@NotNull Long> projectIds) {
}
