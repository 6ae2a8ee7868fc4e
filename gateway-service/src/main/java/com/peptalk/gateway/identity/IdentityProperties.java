package com.peptalk.gateway.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The key the gateway signs relayed identities with ({@code peptalk.gateway.identity.*}).
 *
 * @param signingKey an EC P-256 private key in PKCS#8: PEM ({@code -----BEGIN PRIVATE KEY-----} ...), or the same
 *        DER bytes in base64 on one line (what fits an environment file). Secret: never logged, and left out of
 *        {@link #toString()} and of start-up errors
 * @param keyId the {@code kid} header of every token, so that services can hold the public keys of the current and
 *        the next key while it is rotated
 */
@Validated
@ConfigurationProperties("peptalk.gateway.identity")
public record IdentityProperties(
        @NotBlank String signingKey,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be 1 to 64 of A-Z a-z 0-9 . _ -")
        String keyId) {

    @Override
    public String toString() {
        return "IdentityProperties[keyId=" + keyId + ", signingKey=(secret)]";
    }
}
