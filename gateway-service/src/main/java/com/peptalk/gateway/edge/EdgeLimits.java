package com.peptalk.gateway.edge;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The limits the gateway enforces on every request, before routing ({@code peptalk.gateway.limits.*}; defaults in
 * {@code application.yml}).
 *
 * @param maxBodySize the largest request body, in bytes (a {@link DataSize}: {@code 1MB}); a larger declared
 *        {@code Content-Length}, or a chunked body that grows past it, is a 413 problem. Bodies are buffered for
 *        the circuit breaker's fallback, so this also bounds the memory a request can hold.
 * @param maxRequestLine the longest request line (method, request target and version, as sent) the gateway
 *        serves: longer is a 414 problem. Reactor Netty's own decoder limit is the hard ceiling above it
 *        ({@code server.netty.max-initial-line-length}, 64 KB), beyond which Netty answers a bare 414 itself.
 * @param maxHeaderSize the largest header section (every field as {@code name: value} plus its line end): larger is
 *        a 431 problem (RFC 6585 §5). The hard ceiling is {@code server.max-http-request-header-size} (64 KB).
 * @param headerReadTimeout how long a client has to deliver a complete request header section, from when its
 *        connection opened or the first byte of its next request ({@link SlowClients}); also the longest pause
 *        between two reads of a request body
 */
@Validated
@ConfigurationProperties("peptalk.gateway.limits")
public record EdgeLimits(
        @NotNull DataSize maxBodySize,
        @NotNull DataSize maxRequestLine,
        @NotNull DataSize maxHeaderSize,
        @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 5) Duration headerReadTimeout) {

    /** Reactor Netty's decoder limits ({@code application.yml}); the limits above must stay below them. */
    static final DataSize DECODER_CEILING = DataSize.ofKilobytes(64);

    public EdgeLimits {
        if (maxBodySize != null && (maxBodySize.toBytes() < 1 || maxBodySize.toMegabytes() > 100)) {
            throw new IllegalArgumentException("peptalk.gateway.limits.max-body-size must be 1B to 100MB");
        }
        for (DataSize limit : new DataSize[] { maxRequestLine, maxHeaderSize }) {
            if (limit != null && (limit.toBytes() < 256 || limit.toBytes() > DECODER_CEILING.toBytes())) {
                throw new IllegalArgumentException("peptalk.gateway.limits.max-request-line and max-header-size must"
                        + " be 256B to 64KB (Reactor Netty's decoder limits in application.yml are the ceiling)");
            }
        }
    }
}
