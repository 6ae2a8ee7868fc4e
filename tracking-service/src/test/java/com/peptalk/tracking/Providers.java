package com.peptalk.tracking;

import com.peptalk.testsupport.Http;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The providers' side in tests, written from their documents rather than from our code: SNS messages signed with the
 * private key of the certificate pinned in application-test.yml, Twilio requests signed as Twilio's "Webhooks
 * security" page describes, and SES events shaped as "Contents of event data that Amazon SES publishes to SNS".
 */
final class Providers {

    static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:peptalk-ses-events";
    static final String PINNED_CERTIFICATE = "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-pinnedtest.pem";
    static final String TWILIO_TOKEN = "test-twilio-token-0123456789abcdef";
    static final String OLD_TWILIO_TOKEN = "test-twilio-token-old-0123456789abc";
    static final String PUBLIC_BASE_URL = "https://peptalk.test:8443";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PrivateKey SNS_KEY = snsKey();

    /** An SNS Notification envelope around {@code message}, signed (SignatureVersion {@code version}). */
    static Map<String, Object> notification(String message, int version) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("Type", "Notification");
        envelope.put("MessageId", UUID.randomUUID().toString());
        envelope.put("TopicArn", TOPIC);
        envelope.put("Subject", "Amazon SES Email Event Notification");
        envelope.put("Message", message);
        envelope.put("Timestamp", Instant.now().toString());
        envelope.put("SignatureVersion", String.valueOf(version));
        envelope.put("SigningCertURL", PINNED_CERTIFICATE);
        envelope.put("UnsubscribeURL", "https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe");
        return sign(envelope);
    }

    /** An SNS SubscriptionConfirmation, signed. */
    static Map<String, Object> subscriptionConfirmation(String topic, String subscribeUrl) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("Type", "SubscriptionConfirmation");
        envelope.put("MessageId", UUID.randomUUID().toString());
        envelope.put("Token", "2336412f37fb687f5d51e6e2425c464de12884d0f7e61f2d4b0b7a8e4d3c2b1a");
        envelope.put("TopicArn", topic);
        envelope.put("Message", "You have chosen to subscribe to the topic " + topic);
        envelope.put("SubscribeURL", subscribeUrl);
        envelope.put("Timestamp", Instant.now().toString());
        envelope.put("SignatureVersion", "2");
        envelope.put("SigningCertURL", PINNED_CERTIFICATE);
        return sign(envelope);
    }

    /** Signs (again) as SNS does: the documented fields, name and value on their own lines, in byte order of names. */
    static Map<String, Object> sign(Map<String, Object> envelope) {
        boolean notification = "Notification".equals(envelope.get("Type"));
        String[] fields = notification ? new String[] {"Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"}
                : new String[] {"Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"};
        StringBuilder canonical = new StringBuilder();
        for (String field : fields) {
            if (envelope.get(field) != null) {
                canonical.append(field).append('\n').append(envelope.get(field)).append('\n');
            }
        }
        try {
            Signature signature = Signature.getInstance("1".equals(envelope.get("SignatureVersion")) ? "SHA1withRSA" : "SHA256withRSA");
            signature.initSign(SNS_KEY);
            signature.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
            envelope.put("Signature", Base64.getEncoder().encodeToString(signature.sign()));
            return envelope;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An SES event of {@code type} for our message, with the message_id tag delivery sets. */
    static String sesEvent(String type, UUID messageId, String detailField, String detailJson) {
        return """
                {"eventType":"%s","mail":{"timestamp":"2026-11-30T10:00:00.000Z","source":"noreply@peptalk.example",
                "messageId":"0100019abc-ses-id","destination":["ana@example.com"],
                "tags":{"message_id":["%s"],"ses:configuration-set":["peptalk"]}}%s}
                """.formatted(type, messageId, detailField == null ? "" : ",\"" + detailField + "\":" + detailJson);
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    static HttpResponse<String> postSns(int port, Object envelope) {
        return Http.post("http://localhost:" + port + "/webhooks/ses", "text/plain; charset=UTF-8",
                envelope instanceof String text ? text : json(envelope), Map.of("x-amz-sns-message-type", "Notification"));
    }

    /** Twilio's signature: base64(HMAC-SHA1(auth token, URL + each POST field's name and value, sorted by name)). */
    static String twilioSignature(String token, String url, Map<String, String> form) {
        String data = url + new TreeMap<>(form).entrySet().stream().map(e -> e.getKey() + e.getValue()).collect(Collectors.joining());
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Twilio POST to {@code pathAndQuery}, signed with {@code token} over the public URL Twilio would have called. */
    static HttpResponse<String> postTwilio(int port, String pathAndQuery, Map<String, String> form, String token) {
        String signature = twilioSignature(token, PUBLIC_BASE_URL + pathAndQuery, form);
        return Http.post("http://localhost:" + port + pathAndQuery, "application/x-www-form-urlencoded", form(form),
                Map.of("X-Twilio-Signature", signature));
    }

    static String form(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static PrivateKey snsKey() {
        try (InputStream in = Providers.class.getResourceAsStream("/sns-test-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Providers() {
    }
}
