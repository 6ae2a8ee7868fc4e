package com.peptalk.heartbeat.kiosks;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import java.time.Duration;

/**
 * {@code PUT /api/heartbeats/projects/{projectId}/schedule}: the project's own period and grace (ISO-8601 durations,
 * {@code "PT5M"}); one left out takes the service's default, both left out remove the override.
 */
public record ProjectSchedule(@DurationMin(seconds = 5) @DurationMax(days = 7) Duration period,
        @DurationMin(seconds = 0) @DurationMax(days = 7) Duration grace) {
}
