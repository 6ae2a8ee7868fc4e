package com.peptalk.delivery.fallback;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * When a message moves to its fallback channel besides a failure of the primary.
 *
 * @param deliveredWithin a primary accepted this long ago and still not delivered falls back
 * @param sweepInterval how often overdue messages are looked for
 */
@Validated
@ConfigurationProperties("peptalk.delivery.fallback")
public record FallbackProperties(@NotNull @DefaultValue("30m") @DurationMin(seconds = 1) Duration deliveredWithin,
        @NotNull @DefaultValue("30s") @DurationMin(millis = 100) Duration sweepInterval) {
}
