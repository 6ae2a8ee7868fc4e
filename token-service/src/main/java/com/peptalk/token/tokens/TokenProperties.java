package com.peptalk.token.tokens;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * Settings of API tokens.
 *
 * @param publicBaseUrl where Procore reaches the platform (the gateway), e.g. {@code https://peptalk.example.com};
 *     the iframe URLs handed to admins start with it
 * @param rotationGracePeriod how long a rotated token keeps working
 */
@Validated
@ConfigurationProperties("peptalk.tokens")
public record TokenProperties(@NotNull URI publicBaseUrl,
        @NotNull @DefaultValue("24h") Duration rotationGracePeriod) {
}
