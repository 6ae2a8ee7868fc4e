package com.peptalk.delivery.twilio;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * How SMS goes through Twilio.
 *
 * @param accountSid the account SID ({@code AC...}); the sandbox uses a placeholder
 * @param authToken the account's auth token; never logged, left out of {@link #toString()}; the sandbox signs its
 *        status callbacks with it, as Twilio does with the real one
 * @param messagingServiceSid send from a messaging service ({@code MG...}) instead of {@code peptalk.delivery.sms-from}
 * @param apiBaseUrl Twilio's REST API (tests point it at WireMock)
 * @param statusCallbackBaseUrl tracking's public base URL: {@code StatusCallback} is
 *        {@code <this>/webhooks/twilio/status?message_id=<our message id>}
 * @param callTimeout how long one create-message call may take before it counts as a (transient) timeout
 */
@Validated
@ConfigurationProperties("peptalk.delivery.twilio")
record TwilioProperties(@NotBlank @Pattern(regexp = "AC[0-9a-fA-F]{32}") @DefaultValue("AC00000000000000000000000000000000") String accountSid,
        @NotBlank @DefaultValue("sandbox-auth-token") String authToken,
        @Pattern(regexp = "MG[0-9a-fA-F]{32}") String messagingServiceSid,
        @NotNull @DefaultValue("https://api.twilio.com") URI apiBaseUrl,
        @NotNull @DefaultValue("http://localhost:8080") URI statusCallbackBaseUrl,
        @NotNull @DefaultValue("10s") @DurationMin(millis = 100) @DurationMax(minutes = 2) Duration callTimeout) {

    /** Where Twilio reports what became of {@code messageId}. */
    URI statusCallback(java.util.UUID messageId) {
        return URI.create(statusCallbackBaseUrl.toString().replaceAll("/+$", "") + "/webhooks/twilio/status?message_id="
                + messageId);
    }

    @Override
    public String toString() {
        return "TwilioProperties[accountSid=" + accountSid + ", authToken=***, messagingServiceSid=" + messagingServiceSid
                + ", apiBaseUrl=" + apiBaseUrl + ", statusCallbackBaseUrl=" + statusCallbackBaseUrl + ", callTimeout="
                + callTimeout + "]";
    }
}
