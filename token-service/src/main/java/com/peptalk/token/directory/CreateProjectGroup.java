package com.peptalk.token.directory;

import com.peptalk.web.text.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * {@code POST /api/directory/project-groups}: a named set of the company's projects. {@code projectIds} is
 * optional; every id must be a project of {@code companyId}, or nothing is created.
 */
public record CreateProjectGroup(@NotNull @Positive Long companyId, @NotNull @PlainText @Size(max = 200) String name,
        @Size(max = 1000) List<@NotNull Long> projectIds) {
}
