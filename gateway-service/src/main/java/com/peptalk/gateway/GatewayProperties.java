package com.peptalk.gateway;

import com.peptalk.gateway.forwarded.AddressRange;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Settings of the gateway; every default is in {@code application.yml}, so an empty value is an error, not a
 * silent fallback. The routes in {@code application.yml} refer to these settings by placeholder.
 *
 * @param services where each downstream service is reached
 * @param connectTimeout how long to wait for a TCP connection to a service
 * @param responseTimeout the longest a service may stay silent while its response is awaited (its headers) or read
 *        before the call fails (a 504 when no answer had begun); Reactor Netty's response timeout
 * @param healthTimeout how long the {@code downstream} health group waits for each service's readiness
 * @param frameAncestors the origins allowed to frame {@code /integrations/procore/**} (CSP source expressions)
 * @param trustedProxies the addresses (or CIDR blocks) of the proxies in front of the gateway, whose
 *        {@code X-Forwarded-For}, {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} are believed; empty:
 *        nobody's, the connection's address is the client
 */
@Validated
@ConfigurationProperties("peptalk.gateway")
public record GatewayProperties(
        @NotNull @Valid Services services,
        @NotNull @DurationMin(millis = 1) @DurationMax(minutes = 1) Duration connectTimeout,
        @NotNull @DurationMin(millis = 1) @DurationMax(minutes = 10) Duration responseTimeout,
        @NotNull @DurationMin(millis = 1) @DurationMax(minutes = 1) Duration healthTimeout,
        @NotEmpty
        List<@NotNull @Pattern(regexp = FRAME_SOURCE, message = FRAME_SOURCE_MESSAGE) String> frameAncestors,
        List<@NotNull @AddressRange.Format String> trustedProxies) {

    public GatewayProperties {
        trustedProxies = trustedProxies != null ? trustedProxies : List.of(); // an empty list binds as none
    }

    /**
     * A host source ({@code https://*.procore.com}, {@code procore.com:443}) or {@code 'self'}. Deliberately no
     * bare {@code *} or scheme-only source (either would let any site frame the iframe), and no spaces, commas or
     * semicolons, which would smuggle other directives into the header.
     */
    static final String FRAME_SOURCE = "'self'|(https?://)?(\\*\\.)?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*(:(\\d{1,5}|\\*))?";

    static final String FRAME_SOURCE_MESSAGE = "must be a CSP host source such as https://*.procore.com, or 'self'";

    /** The base URI (scheme, host and port only) of each downstream service. */
    public record Services(
            @NotNull @ServiceBaseUri URI token,
            @NotNull @ServiceBaseUri URI procoreIframe,
            @NotNull @ServiceBaseUri URI automation,
            @NotNull @ServiceBaseUri URI delivery,
            @NotNull @ServiceBaseUri URI tracking,
            @NotNull @ServiceBaseUri URI heartbeat) {
    }
}
