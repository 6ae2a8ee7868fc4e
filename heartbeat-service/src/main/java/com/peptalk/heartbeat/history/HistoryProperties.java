package com.peptalk.heartbeat.history;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How long heartbeat history is kept, validated at start-up.
 *
 * @param rawRetention how long raw heartbeats are kept: a day's partition is dropped whole once it is older
 * @param rollupRetention how long hourly rollups and status flips are kept (uptime over 30 days needs at least that)
 * @param maintenanceInterval how often partitions are created ahead and old history dropped
 */
@Validated
@ConfigurationProperties("peptalk.heartbeats.history")
public record HistoryProperties(@NotNull @DurationMin(days = 1) @DefaultValue("14d") Duration rawRetention,
        @NotNull @DurationMin(days = 31) @DefaultValue("400d") Duration rollupRetention,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("1h") Duration maintenanceInterval) {
}
