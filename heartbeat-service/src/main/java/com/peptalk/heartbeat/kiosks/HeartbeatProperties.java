package com.peptalk.heartbeat.kiosks;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Settings of heartbeat-service, validated at start-up: a missing or wrong one stops the service with a message naming it.
 *
 * @param expectedInterval how often a kiosk is expected to send a heartbeat
 * @param grace how long past its interval a late kiosk is still not offline
 * @param sweepInterval how often the sweep looks for late and offline kiosks
 */
@Validated
@ConfigurationProperties("peptalk.heartbeats")
public record HeartbeatProperties(@NotNull @DurationMin(seconds = 5) @DefaultValue("60s") Duration expectedInterval,
        @NotNull @DurationMin(seconds = 0) @DefaultValue("120s") Duration grace,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("15s") Duration sweepInterval) {
}
