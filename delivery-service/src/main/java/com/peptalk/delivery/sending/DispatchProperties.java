package com.peptalk.delivery.sending;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How messages held until their {@code notBefore} (quiet hours), or left behind by a crashed dispatcher, are sent.
 *
 * @param pollInterval how often due messages are looked for
 * @param batchSize messages taken per round
 * @param lease how long a taken message stays with its dispatcher before another may take it (longer than the
 *        slowest send with all its retries)
 */
@Validated
@ConfigurationProperties("peptalk.delivery.dispatch")
record DispatchProperties(@NotNull @DefaultValue("1s") @DurationMin(millis = 10) Duration pollInterval,
        @DefaultValue("50") @Min(1) @Max(1000) int batchSize,
        @NotNull @DefaultValue("5m") @DurationMin(seconds = 10) Duration lease) {
}
