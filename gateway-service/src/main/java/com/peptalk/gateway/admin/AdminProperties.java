package com.peptalk.gateway.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * Who is an admin. The secrets (key hashes, the session signing key) have no default: they come from the
 * environment ({@code PEPTALK_GATEWAY_ADMIN_APIKEYHASHES_0}, {@code PEPTALK_GATEWAY_ADMIN_SESSIONSIGNINGKEY}).
 *
 * @param apiKeyHashes the SHA-256 (64 hex digits) of each admin API key; the keys themselves are never
 *        configured, so a leaked configuration reveals no key. Removing a hash also ends the sessions its key
 *        signed in
 * @param sessionSigningKey the HMAC-SHA256 key of the admin session cookie, 32 characters or more; changing it
 *        signs every admin out
 * @param sessionLifetime how long a login on {@code /admin/login} lasts
 * @param jwt bearer JWTs from an OIDC issuer (optional)
 */
@Validated
@ConfigurationProperties("peptalk.gateway.admin")
public record AdminProperties(
        List<@NotNull String> apiKeyHashes,
        @NotBlank String sessionSigningKey,
        @NotNull @DurationMin(minutes = 1) @DurationMax(days = 7) Duration sessionLifetime,
        @NotNull @Valid JwtSettings jwt) {

    public AdminProperties {
        apiKeyHashes = apiKeyHashes != null ? apiKeyHashes : List.of(); // none configured binds as null
    }

    /*
     * The two checks below are methods, not constraints on the values, because a failed constraint puts the
     * rejected value into the start-up error, and so into the log: a short signing key, or an API key pasted
     * where its hash belongs, must not end up there.
     */

    @AssertTrue(message = "every peptalk.gateway.admin.api-key-hashes entry must be the SHA-256 of an API key in hex "
            + "(64 digits), not the key itself")
    public boolean isApiKeyHashesWellFormed() {
        return apiKeyHashes.stream().allMatch(hash -> hash == null || hash.matches("[0-9a-fA-F]{64}"));
    }

    @AssertTrue(message = "peptalk.gateway.admin.session-signing-key must be at least 32 characters")
    public boolean isSessionSigningKeyLongEnough() {
        return sessionSigningKey == null || sessionSigningKey.isBlank() || sessionSigningKey.length() >= 32;
    }

    /** Without any key and without an issuer, nobody could be an admin: a mistake, not a setting. */
    @AssertTrue(message = "set peptalk.gateway.admin.api-key-hashes or peptalk.gateway.admin.jwt.issuer-uri: "
            + "with neither, nobody can sign in as an admin")
    public boolean isApiKeyHashesOrIssuerUri() {
        return !apiKeyHashes.isEmpty() || jwt == null || jwt.enabled();
    }

    /**
     * Bearer JWTs, checked against the issuer's keys (its JWKS, found through its OpenID configuration), its
     * {@code iss}, their expiry and, if set, their audience.
     *
     * @param issuerUri the issuer ({@code iss}) whose tokens are accepted; empty: no JWTs, API keys only
     * @param audience the {@code aud} a token must carry; empty: not checked
     * @param authoritiesClaim the claim listing what the token grants: a space-separated string ({@code scope})
     *        or a list ({@code roles}, {@code groups}, ...)
     * @param requiredAuthority the value that claim must contain to make the bearer an admin
     * @param subjectClaim the claim naming the admin (the relayed identity's {@code sub})
     * @param keysTimeout how long fetching the issuer's OpenID configuration or keys may take (connect included);
     *        its own setting, not the routes' response timeout, which may be much shorter than a cold fetch
     */
    public record JwtSettings(
            @Pattern(regexp = "(https?://\\S+)?", message = "must be an http(s) URL, or empty for none")
            String issuerUri,
            String audience,
            @NotBlank String authoritiesClaim,
            @NotBlank String requiredAuthority,
            @NotBlank String subjectClaim,
            @NotNull @DurationMin(millis = 1) @DurationMax(minutes = 1) Duration keysTimeout) {

        public boolean enabled() {
            return issuerUri != null && !issuerUri.isBlank();
        }
    }
}
