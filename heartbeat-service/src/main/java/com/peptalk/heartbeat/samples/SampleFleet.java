package com.peptalk.heartbeat.samples;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * {@code POST /api/heartbeats/sample-data}: {@code kiosksPerProject} sample kiosks in each project, with
 * {@code days} of history.
 */
public record SampleFleet(@NotNull @NotEmpty @Size(max = 1000) List<@NotNull @Positive Long> projectIds,
        @Min(1) @Max(1000) int kiosksPerProject, @Min(1) @Max(30) int days) {
}
