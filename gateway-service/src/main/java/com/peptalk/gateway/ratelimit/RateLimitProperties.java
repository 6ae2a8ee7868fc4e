package com.peptalk.gateway.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Map;

/**
 * Rate limits; the defaults are in {@code application.yml}. A route names its group in its {@code rate-limit}
 * metadata, and every group a route names must be configured here (checked at start-up).
 *
 * @param maxClientsPerGroup how many clients each group remembers at most; beyond that the least recently seen
 *        are forgotten (and start again with a full bucket), which bounds the memory: roughly 200 bytes a client
 * @param groups the limit of each route group, by name
 */
@Validated
@ConfigurationProperties("peptalk.gateway.rate-limits")
public record RateLimitProperties(
        @NotNull @Min(100) @Max(10_000_000) Integer maxClientsPerGroup,
        @NotEmpty Map<@Pattern(regexp = "[a-z0-9-]+", message = "must be lower-case letters, digits and -") String,
                @NotNull @Valid Limit> groups) {

    /**
     * A token bucket: a client may send {@code capacity} requests at once, then {@code refillPerSecond} a second.
     *
     * @param capacity the burst a client may send at once (tokens in a full bucket)
     * @param refillPerSecond tokens added back per second, fractions allowed ({@code 0.2}: one every 5 s)
     */
    public record Limit(
            @NotNull @Min(1) @Max(1_000_000) Integer capacity,
            @NotNull @DecimalMin("0.001") @DecimalMax("1000000") Double refillPerSecond) {

        /** How long an untouched bucket takes to fill up from empty; after that, forgetting it changes nothing. */
        Duration timeToFill() {
            return Duration.ofNanos((long) Math.ceil(capacity / refillPerSecond * 1e9));
        }
    }
}
