package com.peptalk.token.directory;

import com.peptalk.web.text.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * {@code POST /api/directory/projects}. {@code status} defaults to {@code active} and {@code timeZone} to
 * {@code UTC}; dates are ISO ({@code 2026-03-01}) and optional.
 */
@ProjectSchedule.CompletionNotBeforeStart
public record CreateProject(@NotNull @Positive Long companyId, @NotNull @PlainText @Size(max = 200) String name,
        @Pattern(regexp = "active|inactive") String status, @IanaTimeZone String timeZone, LocalDate startDate,
        LocalDate completionDate) implements ProjectSchedule {
}
