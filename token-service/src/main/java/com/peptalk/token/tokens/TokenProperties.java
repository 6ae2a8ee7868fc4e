package com.peptalk.token.tokens;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of API tokens. The keys are secrets: they come from the environment (never from a committed file),
 * and {@link #toString()} leaves them out.
 *
 * @param publicBaseUrl where Procore reaches the platform (the gateway), e.g. {@code https://peptalk.example.com};
 *     the iframe URLs handed to admins start with it
 * @param rotationGracePeriod how long a rotated token keeps working
 * @param hashKey the HMAC key of the lookup hash (at least 32 characters)
 * @param encryptionKeys AES-256 keys (base64 of 32 bytes) by key id; old ids stay listed until no token uses them
 * @param activeKeyId the key id new tokens are encrypted with
 * @param lastUsedFlushInterval how often the time a token was last used is written down (at least 1 ms: it is
 *     the delay of a scheduled task)
 */
@Validated
@ConfigurationProperties("peptalk.tokens")
public record TokenProperties(@NotNull URI publicBaseUrl,
        @NotNull @DurationMin(seconds = 0) @DefaultValue("24h") Duration rotationGracePeriod,
        @NotBlank @Size(min = 32) String hashKey,
        @NotEmpty Map<String, @NotBlank String> encryptionKeys,
        @NotBlank String activeKeyId,
        @NotNull @DurationMin(millis = 1) @DefaultValue(TokenProperties.DEFAULT_LAST_USED_FLUSH_INTERVAL)
        Duration lastUsedFlushInterval) {

    /** The default of {@code last-used-flush-interval}, also the default of the task that reads it. */
    static final String DEFAULT_LAST_USED_FLUSH_INTERVAL = "30s";

    @Override
    public String toString() {
        return "TokenProperties[publicBaseUrl=" + publicBaseUrl + ", rotationGracePeriod=" + rotationGracePeriod
                + ", encryptionKeyIds=" + encryptionKeys.keySet() + ", activeKeyId=" + activeKeyId + "]";
    }
}
