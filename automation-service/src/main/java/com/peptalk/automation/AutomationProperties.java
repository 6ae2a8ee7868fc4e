package com.peptalk.automation;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Settings of automation-service, validated at start-up: a missing or wrong one stops the service with a message naming it.
 *
 * @param cadenceTick how often cadence rules are evaluated
 * @param defaultTimeZone time zone of quiet hours for projects that have none
 */
@Validated
@ConfigurationProperties("peptalk.automation")
public record AutomationProperties(@NotNull @DefaultValue("1m") Duration cadenceTick,
        @NotNull @DefaultValue("UTC") ZoneId defaultTimeZone) {
}
