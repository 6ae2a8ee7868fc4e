package com.peptalk.web.idempotency;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code Idempotency-Key} handling ({@code peptalk.web.idempotency.*}).
 *
 * @param enabled whether creating POSTs honour the header
 * @param retention how long a key and its stored answer are kept (Stripe keeps them 24 hours); a key used again
 *        after this is a new request
 * @param purgeInterval how often expired keys are deleted
 */
@Validated
@ConfigurationProperties("peptalk.web.idempotency")
public record IdempotencyProperties(@DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("24h") Duration retention,
        @NotNull @DefaultValue("10m") Duration purgeInterval) {
}
