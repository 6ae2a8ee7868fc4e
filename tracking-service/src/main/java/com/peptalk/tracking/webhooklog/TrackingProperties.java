package com.peptalk.tracking.webhooklog;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * Settings of tracking-service, validated at start-up: a missing or wrong one stops the service with a message naming it.
 *
 * @param publicBaseUrl where providers and mail clients reach us (the gateway); signed links and Twilio callback URLs start with it
 * @param webhookLogRetention how long inbound requests are kept in the webhook log
 */
@Validated
@ConfigurationProperties("peptalk.tracking")
public record TrackingProperties(@NotNull URI publicBaseUrl,
        @NotNull @DefaultValue("30d") Duration webhookLogRetention) {
}
