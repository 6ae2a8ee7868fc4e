package com.peptalk.delivery.ses;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * Signs an SNS message as SNS does with {@code SignatureVersion} 2 (Amazon SNS developer guide, "Verifying the
 * signatures of Amazon SNS messages"): SHA256withRSA over the canonical string of the message's fields, each
 * {@code name\nvalue\n}, in the documented order (for a Notification: Message, MessageId, Subject if present,
 * Timestamp, TopicArn, Type), Base64 encoded.
 */
final class SnsSigner {

    private final PrivateKey key;

    SnsSigner(PrivateKey key) {
        this.key = key;
    }

    /** Reads a PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}) RSA key. */
    static SnsSigner fromPem(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return new SnsSigner(KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64))));
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw new IllegalStateException("peptalk.delivery.sandbox.ses.signing-key is not a PKCS#8 PEM RSA private key");
        }
    }

    /** The canonical string SNS signs for a Notification. */
    static String canonicalNotification(Map<String, String> fields) {
        StringBuilder canonical = new StringBuilder();
        for (String name : new String[] { "Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type" }) {
            String value = fields.get(name);
            if (value != null) {
                canonical.append(name).append('\n').append(value).append('\n');
            }
        }
        return canonical.toString();
    }

    String sign(Map<String, String> fields) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(canonicalNotification(fields).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("cannot sign an SNS notification", ex);
        }
    }
}
