package com.peptalk.gateway.edge;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The limits the gateway enforces on every request, before routing ({@code peptalk.gateway.limits.*}; defaults in
 * {@code application.yml}).
 *
 * @param maxBodySize the largest request body, in bytes (a {@link DataSize}: {@code 1MB}); a larger declared
 *        {@code Content-Length}, or a chunked body that grows past it, is a 413 problem. Bodies are buffered for
 *        the circuit breaker's fallback, so this also bounds the memory a request can hold.
 */
@Validated
@ConfigurationProperties("peptalk.gateway.limits")
public record EdgeLimits(@NotNull DataSize maxBodySize) {

    public EdgeLimits {
        if (maxBodySize != null && (maxBodySize.toBytes() < 1 || maxBodySize.toMegabytes() > 100)) {
            throw new IllegalArgumentException("peptalk.gateway.limits.max-body-size must be 1B to 100MB");
        }
    }
}
