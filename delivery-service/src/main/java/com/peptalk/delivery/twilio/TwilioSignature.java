package com.peptalk.delivery.twilio;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code X-Twilio-Signature} as Twilio computes it (Twilio docs, "Webhooks security"): the full URL (with its query),
 * then each POST parameter's name and value, sorted by name, concatenated; HMAC-SHA1 with the account's auth token;
 * Base64 encoded.
 */
final class TwilioSignature {

    private TwilioSignature() {
    }

    static String of(String authToken, String url, Map<String, String> parameters) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("cannot compute a Twilio signature", ex);
        }
    }
}
