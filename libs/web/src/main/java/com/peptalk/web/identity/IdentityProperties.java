package com.peptalk.web.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * Who may call this service ({@code peptalk.web.identity.*}): every request needs the identity the gateway relays
 * (a JWT it signs, {@code Authorization: Bearer}), except on the public paths, which authenticate callers in their
 * own way (the iframe's {@code api_token}, a provider's webhook signature, a kiosk token) or need nothing
 * (health, the error page).
 *
 * @param issuer the {@code iss} the gateway writes
 * @param audience the {@code aud} a token must name: this service (default: {@code spring.application.name})
 * @param keys the gateway's public keys by key id ({@code kid}): during a rotation both the current and the next key
 * @param publicPaths Ant-style path patterns open without the gateway's identity ({@code /integrations/procore/**})
 * @param clockSkew how much clocks may differ when checking {@code exp}, {@code nbf} and {@code iat}
 */
@Validated
@ConfigurationProperties("peptalk.web.identity")
public record IdentityProperties(
        @NotBlank @DefaultValue("peptalk-gateway") String issuer,
        String audience,
        @NotEmpty(message = "must list the gateway's public key(s): peptalk.web.identity.keys[0].id and .public-key")
        List<@Valid @NotNull TrustedKey> keys,
        @NotNull @DefaultValue List<String> publicPaths,
        @NotNull @DefaultValue("30s") Duration clockSkew) {

    /**
     * One public key of the gateway.
     *
     * @param id its key id, the {@code kid} of the tokens it signs
     * @param publicKey the EC P-256 public key: X.509 SubjectPublicKeyInfo as PEM, or its DER in base64 on one line
     */
    public record TrustedKey(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be 1 to 64 of A-Z a-z 0-9 . _ -")
            String id,
            @NotBlank String publicKey) {
    }
}
