package com.peptalk.gateway.admin;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The admin session cookie that {@code /admin/login} sets, so that a browser can open admin pages (a browser
 * cannot send a bearer header when it follows a link). Stateless: the cookie carries the admin's subject and its
 * expiry, signed with HMAC-SHA256 under {@code peptalk.gateway.admin.session-signing-key}, so any replica accepts
 * it and nothing is stored. {@code HttpOnly} (no script reads it), {@code SameSite=Strict} (no other site makes
 * the browser send it), {@code Path=/}, and {@code Secure} when the browser came over HTTPS.
 * <p>
 * Being stateless, a session cannot be ended early one by one: signing out deletes the browser's cookie; removing
 * the API key ends its sessions at their next request; changing the signing key ends all of them.
 */
@Component
class AdminSessions {

    static final String COOKIE = "peptalk_admin_session";

    private static final String VERSION = "v1";
    private static final String MAC_ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64_DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Clock clock;

    AdminSessions(AdminProperties properties, Clock clock) {
        this.key = new SecretKeySpec(properties.sessionSigningKey().getBytes(StandardCharsets.UTF_8), MAC_ALGORITHM);
        this.lifetime = properties.sessionLifetime();
        this.clock = clock;
    }

    /** A new session of {@code subject}, valid for the session lifetime from now. */
    ResponseCookie start(String subject, boolean secure) {
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        String encodedSubject = BASE64.encodeToString(subject.getBytes(StandardCharsets.UTF_8));
        String payload = VERSION + "." + encodedSubject + "." + expires;
        return cookie(payload + "." + BASE64.encodeToString(mac(payload)), lifetime, secure);
    }

    /** Deletes the browser's cookie. */
    ResponseCookie end(boolean secure) {
        return cookie("", Duration.ZERO, secure);
    }

    /** The subject of a cookie value this gateway signed and that has not expired. */
    Optional<String> subjectOf(String value) {
        if (value == null || value.length() > 1024) {
            return Optional.empty();
        }
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals(VERSION)) {
            return Optional.empty();
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        try {
            if (!MessageDigest.isEqual(mac(payload), BASE64_DECODER.decode(parts[3]))) {
                return Optional.empty();
            }
            if (Long.parseLong(parts[2]) <= clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(new String(BASE64_DECODER.decode(parts[1]), StandardCharsets.UTF_8));
        }
        catch (IllegalArgumentException malformed) { // bad base64 or number
            return Optional.empty();
        }
    }

    private ResponseCookie cookie(String value, Duration maxAge, boolean secure) {
        return ResponseCookie.from(COOKIE, value).httpOnly(true).secure(secure).sameSite("Strict").path("/")
                .maxAge(maxAge).build();
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance(MAC_ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("every JVM has " + MAC_ALGORITHM, ex);
        }
    }
}
