package com.peptalk.token.tokens;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * The lookup hash of a token: HMAC-SHA256 under a server key, so a copy of the database alone cannot be used to
 * test guesses. Deterministic, so a presented token is found with one indexed query.
 */
final class TokenHasher {

    private final SecretKeySpec key;

    TokenHasher(String hashKey) {
        this.key = new SecretKeySpec(hashKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    byte[] hash(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(token.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 unavailable", ex);
        }
    }
}
