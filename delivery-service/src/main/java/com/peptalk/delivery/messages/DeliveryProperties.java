package com.peptalk.delivery.messages;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of delivery-service, validated at start-up: a missing or wrong one stops the service with a message naming it.
 *
 * @param mode {@code sandbox} simulates providers the way their own test conventions do; {@code live} calls SES and Twilio
 * @param emailFrom the sender address of email
 * @param smsFrom the sender number of SMS, E.164
 */
@Validated
@ConfigurationProperties("peptalk.delivery")
public record DeliveryProperties(@NotNull @DefaultValue("sandbox") Mode mode,
        @NotBlank @Email String emailFrom,
        @NotBlank @Pattern(regexp = "\\+[1-9][0-9]{6,14}") String smsFrom) {

    /** Whether providers are called for real. */
    public enum Mode {
        SANDBOX, LIVE
    }
}
