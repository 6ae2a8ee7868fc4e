package com.peptalk.tracking.twilio;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * Settings of Twilio's webhooks. The auth tokens are secrets: from the environment only, and {@link #toString()}
 * leaves them out.
 *
 * @param authToken the account's auth tokens that may sign a request (several while a token is rotated: Twilio
 *        signs with the primary one); none: every Twilio request is refused
 */
@Validated
@ConfigurationProperties("peptalk.tracking.twilio")
record TwilioProperties(@NotNull @DefaultValue List<@NotBlank String> authToken) {

    @Override
    public String toString() {
        return "TwilioProperties[authTokens=" + authToken.size() + "]";
    }
}
