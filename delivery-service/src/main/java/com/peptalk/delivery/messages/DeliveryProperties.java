package com.peptalk.delivery.messages;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Settings of delivery-service, validated at start-up: a missing or wrong one stops the service with a message naming it.
 *
 * @param mode {@code sandbox} simulates providers the way their own test conventions do; {@code live} calls SES and Twilio
 * @param emailFrom the sender address of email
 * @param smsFrom the sender number of SMS, E.164
 * @param maxRequestAge a send request whose event is older than this when it arrives (its CloudEvents {@code time})
 *        is recorded as {@link DeliveryStatus#EXPIRED} and never sent: a replayed topic or a backlog after an
 *        outage must not text a site team about last month's news
 */
@Validated
@ConfigurationProperties("peptalk.delivery")
public record DeliveryProperties(@NotNull @DefaultValue("sandbox") Mode mode,
        @NotBlank @Email String emailFrom,
        @NotBlank @Pattern(regexp = "\\+[1-9][0-9]{6,14}") String smsFrom,
        @NotNull @DefaultValue("24h") @DurationMin(minutes = 1) Duration maxRequestAge) {

    /** Whether providers are called for real. */
    public enum Mode {
        SANDBOX, LIVE
    }
}
