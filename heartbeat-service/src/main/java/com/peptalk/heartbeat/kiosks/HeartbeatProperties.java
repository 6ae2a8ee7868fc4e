package com.peptalk.heartbeat.kiosks;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * Settings of heartbeat-service, validated at start-up: a missing or wrong one stops the service with a message naming it.
 * None is a secret.
 *
 * @param expectedInterval the period: how often a kiosk is expected to send a heartbeat (a project may override it)
 * @param grace how long past its period a late kiosk is still not offline (a project may override it); it is also
 *     the minimum down time before the offline alert: a kiosk is declared OFFLINE only after period + grace of silence
 * @param sweepInterval how often the sweep looks for late and offline kiosks
 * @param tokenServiceUrl token-service inside the cluster (its {@code /internal/tokens/kiosks} API), never the gateway
 * @param tokenServiceTimeout connect and read timeout of one call to token-service
 * @param maxBulk the most kiosks one bulk registration may carry
 * @param sweepBatch the most kiosks one sweep transaction moves (the sweep repeats until none is left)
 */
@Validated
@ConfigurationProperties("peptalk.heartbeats")
public record HeartbeatProperties(@NotNull @DurationMin(seconds = 5) @DefaultValue("60s") Duration expectedInterval,
        @NotNull @DurationMin(seconds = 0) @DefaultValue("120s") Duration grace,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("15s") Duration sweepInterval,
        @NotNull @DefaultValue("http://localhost:8081") URI tokenServiceUrl,
        @NotNull @DurationMin(millis = 100) @DefaultValue("5s") Duration tokenServiceTimeout,
        @DefaultValue("500") @Min(1) @Max(10_000) int maxBulk,
        @DefaultValue("1000") @Min(1) @Max(100_000) int sweepBatch) {
}
