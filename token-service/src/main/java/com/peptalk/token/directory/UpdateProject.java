package com.peptalk.token.directory;

import com.peptalk.web.text.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * {@code PUT /api/directory/projects/{id}}: the project's whole editable state (a missing date clears it). A
 * project never changes company: its groups and tokens belong to that company.
 */
@ProjectSchedule.CompletionNotBeforeStart
public record UpdateProject(@NotNull @PlainText @Size(max = 200) String name,
        @NotNull @Pattern(regexp = "active|inactive|archived") String status,
        @NotNull @IanaTimeZone String timeZone, LocalDate startDate, LocalDate completionDate)
        implements ProjectSchedule {
}
