package com.peptalk.tracking.ses;

import com.peptalk.tracking.webhooklog.ProviderJson;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/**
 * An SNS HTTP(S) message, the envelope SNS posts when raw message delivery is off: its fields, and its signature
 * checked as AWS documents it ("Verifying the signatures of Amazon SNS messages"): the canonical string is
 * {@code name\nvalue\n} for each signed field in byte order of the names, {@code Subject} only when present;
 * SignatureVersion 1 is SHA1withRSA, 2 is SHA256withRSA.
 */
record SnsMessage(JsonNode fields) {

    static final String NOTIFICATION = "Notification";
    static final String SUBSCRIPTION_CONFIRMATION = "SubscriptionConfirmation";
    static final String UNSUBSCRIBE_CONFIRMATION = "UnsubscribeConfirmation";

    private static final List<String> NOTIFICATION_FIELDS = List.of("Message", "MessageId", "Subject", "Timestamp",
            "TopicArn", "Type");
    private static final List<String> CONFIRMATION_FIELDS = List.of("Message", "MessageId", "SubscribeURL",
            "Timestamp", "Token", "TopicArn", "Type");

    String field(String name) {
        return ProviderJson.text(fields, name);
    }

    String type() {
        return field("Type");
    }

    /** The fields the signature covers, for this message's type; empty for a type SNS does not send. */
    List<String> signedFields() {
        return switch (String.valueOf(type())) {
            case NOTIFICATION -> NOTIFICATION_FIELDS;
            case SUBSCRIPTION_CONFIRMATION, UNSUBSCRIBE_CONFIRMATION -> CONFIRMATION_FIELDS;
            default -> List.of();
        };
    }

    /** The first required field that is missing (every signed field but {@code Subject}, and the signature's own). */
    String missingField() {
        for (String name : signedFields()) {
            if (!name.equals("Subject") && field(name) == null) {
                return name;
            }
        }
        for (String name : List.of("SignatureVersion", "Signature", "SigningCertURL")) {
            if (field(name) == null) {
                return name;
            }
        }
        return null;
    }

    String canonical() {
        StringBuilder text = new StringBuilder();
        for (String name : signedFields()) {
            String value = field(name);
            if (value != null) {
                text.append(name).append('\n').append(value).append('\n');
            }
        }
        return text.toString();
    }

    /** Whether {@code Signature} is this message's signature under {@code certificate}'s key. */
    boolean isSignedBy(X509Certificate certificate) {
        String algorithm = switch (String.valueOf(field("SignatureVersion"))) {
            case "1" -> "SHA1withRSA";
            case "2" -> "SHA256withRSA";
            default -> null;
        };
        if (algorithm == null) {
            return false;
        }
        try {
            certificate.checkValidity();
            Signature signature = Signature.getInstance(algorithm);
            signature.initVerify(certificate.getPublicKey());
            signature.update(canonical().getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getMimeDecoder().decode(field("Signature")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
