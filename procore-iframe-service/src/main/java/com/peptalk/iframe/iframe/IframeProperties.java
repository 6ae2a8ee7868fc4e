package com.peptalk.iframe.iframe;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * Settings of procore-iframe-service, validated at start-up: a missing or wrong one stops the service with a message naming it.
 *
 * @param tokenServiceUrl where introspection is asked, e.g. {@code http://localhost:8081}
 * @param introspectionCacheTtl how long an introspection answer is reused, also when token-service is down
 */
@Validated
@ConfigurationProperties("peptalk.iframe")
public record IframeProperties(@NotNull URI tokenServiceUrl,
        @NotNull @DefaultValue("60s") Duration introspectionCacheTtl) {
}
