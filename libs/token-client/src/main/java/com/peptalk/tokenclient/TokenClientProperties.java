package com.peptalk.tokenclient;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * How a service checks tokens with token-service.
 *
 * @param url token-service's base URL inside the cluster, e.g. {@code http://token-service:8081}
 * @param cacheTtl how long an active answer is reused; also how long tokens keep working while token-service is
 *     down. Revocations and rotations evict earlier, through {@code token.events}
 * @param negativeCacheTtl how long an inactive answer is reused (short: a token issued a moment ago must work soon)
 * @param maximumSize the most answers kept
 * @param timeout connect and read timeout of one call
 */
@Validated
@ConfigurationProperties("peptalk.token-client")
public record TokenClientProperties(@NotNull URI url, @NotNull @DefaultValue("60s") Duration cacheTtl,
        @NotNull @DefaultValue("5s") Duration negativeCacheTtl,
        @DefaultValue("10000") @Min(0) @Max(10_000_000) long maximumSize,
        @NotNull @DefaultValue("2s") Duration timeout) {
}
