package com.peptalk.iframe.procore;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * Settings of the iframe pages, validated at start-up: a missing or wrong one stops the service with a message
 * naming it. (Where token-service is and how long its answers are cached: {@code peptalk.token-client.*}.)
 *
 * @param frameAncestors the origins that may frame the pages, the {@code frame-ancestors} of their content security
 *     policy: Procore's ({@code https://*.procore.com}) in production, plus a developer's own where needed
 * @param retryAfter what the 503 page tells browsers to wait ({@code Retry-After}) while token-service is down
 */
@Validated
@ConfigurationProperties("peptalk.iframe")
public record IframeProperties(
        @NotEmpty @DefaultValue("https://*.procore.com")
        List<@NotNull @Pattern(regexp = FRAME_SOURCE, message = FRAME_SOURCE_MESSAGE) String> frameAncestors,
        @NotNull @DefaultValue("30s") @DurationMin(seconds = 1) @DurationMax(hours = 1) Duration retryAfter) {

    /**
     * A host source ({@code https://*.procore.com}, {@code localhost:8080}) or {@code 'self'}: the same rule as the
     * gateway's. Deliberately no bare {@code *} or scheme-only source (either would let any site frame the pages),
     * and no spaces, commas or semicolons, which would smuggle other directives into the header.
     */
    static final String FRAME_SOURCE = "'self'|(https?://)?(\\*\\.)?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*(:(\\d{1,5}|\\*))?";

    static final String FRAME_SOURCE_MESSAGE = "must be a CSP host source such as https://*.procore.com, or 'self'";
}
