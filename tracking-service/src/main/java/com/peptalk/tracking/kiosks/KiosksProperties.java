package com.peptalk.tracking.kiosks;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How kiosk heartbeats are taken in, validated at start-up. None is a secret.
 *
 * @param maxBatch the most heartbeats one request may carry
 * @param maxClockSkew how far in the future a heartbeat's {@code sentAt} may be (a kiosk's clock runs ahead a little)
 * @param maxAge how old a heartbeat may be (a kiosk uploads what it buffered while offline; older is refused)
 * @param publishTimeout how long to wait for the broker to acknowledge a request's heartbeats before answering 503
 */
@Validated
@ConfigurationProperties("peptalk.tracking.kiosks")
public record KiosksProperties(@DefaultValue("100") @Min(1) @Max(1000) int maxBatch,
        @NotNull @DurationMin(seconds = 0) @DurationMax(hours = 1) @DefaultValue("5m") Duration maxClockSkew,
        @NotNull @DurationMin(minutes = 1) @DefaultValue("7d") Duration maxAge,
        @NotNull @DurationMin(millis = 100) @DefaultValue("10s") Duration publishTimeout) {
}
