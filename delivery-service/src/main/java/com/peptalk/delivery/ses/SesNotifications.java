package com.peptalk.delivery.ses;

import com.peptalk.delivery.messages.DeliveryProperties;
import com.peptalk.delivery.sending.OutgoingMessage;
import com.peptalk.delivery.sending.SandboxCallbacks;
import com.peptalk.delivery.sending.SandboxProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The sandbox's SES events, as a configuration set's SNS event destination delivers them (SES developer guide,
 * "Examples of event data that Amazon SES publishes to Amazon SNS"): the event JSON ({@code eventType},
 * {@code mail} with {@code tags.message_id}, and {@code bounce}, {@code delivery} or {@code complaint}) as the
 * {@code Message} of an SNS {@code Notification}, signed with SignatureVersion 2, posted to
 * {@code <callback-base-url>/webhooks/ses} with SNS's headers.
 */
@Component
class SesNotifications {

    private static final Logger log = LoggerFactory.getLogger(SesNotifications.class);
    private static final String ACCOUNT = "000000000000";

    private final SandboxCallbacks callbacks;
    private final SandboxProperties.Ses settings;
    private final SesProperties ses;
    private final DeliveryProperties delivery;
    private final JsonMapper json;
    private final SnsSigner signer;
    private final Clock clock = Clock.systemUTC();

    SesNotifications(SandboxCallbacks callbacks, SesProperties ses, DeliveryProperties delivery, JsonMapper json) {
        this.callbacks = callbacks;
        this.settings = callbacks.settings().ses();
        this.ses = ses;
        this.delivery = delivery;
        this.json = json;
        this.signer = settings.signingKey() == null ? null : SnsSigner.fromPem(read(settings));
        if (signer == null && delivery.mode() == DeliveryProperties.Mode.SANDBOX) {
            log.warn("peptalk.delivery.sandbox.ses.signing-key is not set: the sandbox posts no SES events");
        }
    }

    void publishLater(OutgoingMessage message, String sesMessageId, SimulatorOutcome outcome) {
        if (signer == null) {
            return;
        }
        callbacks.postLater(notifications(message, sesMessageId, outcome));
    }

    List<SandboxCallbacks.Callback> notifications(OutgoingMessage message, String sesMessageId,
            SimulatorOutcome outcome) {
        Instant sent = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<SandboxCallbacks.Callback> posts = new ArrayList<>();
        for (String type : outcome.eventTypes()) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("eventType", type);
            event.put("mail", mail(message, sesMessageId, sent));
            switch (type) {
                case "Delivery" -> event.put("delivery", Map.of("timestamp", sent.plusMillis(546).toString(),
                        "processingTimeMillis", 546, "recipients", List.of(message.address()),
                        "smtpResponse", "250 2.6.0 Message received", "reportingMTA", "a8-70.smtp-out.amazonses.com"));
                case "Bounce" -> event.put("bounce", bounce(message, outcome, sent));
                case "Complaint" -> event.put("complaint", Map.of("complainedRecipients",
                        List.of(Map.of("emailAddress", message.address())), "timestamp", sent.plusSeconds(1).toString(),
                        "feedbackId", UUID.randomUUID().toString(), "userAgent", "Amazon SES Mailbox Simulator",
                        "complaintFeedbackType", "abuse", "arrivalDate", sent.toString()));
                default -> event.put("send", Map.of());
            }
            posts.add(envelope(json.writeValueAsString(event), sent));
        }
        return posts;
    }

    private Map<String, Object> mail(OutgoingMessage message, String sesMessageId, Instant sent) {
        Map<String, List<String>> tags = new LinkedHashMap<>();
        tags.put("ses:configuration-set", List.of(ses.configurationSet()));
        tags.put("ses:from-domain", List.of(delivery.emailFrom().substring(delivery.emailFrom().indexOf('@') + 1)));
        tags.put("ses:caller-identity", List.of("peptalk-delivery"));
        tags.put(SesEmailProvider.MESSAGE_ID_TAG, List.of(message.messageId().toString()));
        if (message.runId() != null) {
            tags.put(SesEmailProvider.RUN_ID_TAG, List.of(message.runId().toString()));
        }
        Map<String, Object> mail = new LinkedHashMap<>();
        mail.put("timestamp", sent.toString());
        mail.put("source", delivery.emailFrom());
        mail.put("sourceArn", "arn:aws:ses:" + ses.region() + ":" + ACCOUNT + ":identity/" + tags.get("ses:from-domain").getFirst());
        mail.put("sendingAccountId", ACCOUNT);
        mail.put("messageId", sesMessageId);
        mail.put("destination", List.of(message.address()));
        mail.put("headersTruncated", false);
        mail.put("commonHeaders", Map.of("from", List.of(delivery.emailFrom()), "to", List.of(message.address()),
                "messageId", sesMessageId, "subject", message.subject() == null ? "" : message.subject()));
        mail.put("tags", tags);
        return mail;
    }

    private static Map<String, Object> bounce(OutgoingMessage message, SimulatorOutcome outcome, Instant sent) {
        boolean listed = outcome == SimulatorOutcome.SUPPRESSION_LIST;
        Map<String, Object> recipient = new LinkedHashMap<>();
        recipient.put("emailAddress", message.address());
        recipient.put("action", "failed");
        recipient.put("status", "5.1.1");
        recipient.put("diagnosticCode", listed ? "Amazon SES did not send the message to this address because it is on the suppression list for your account."
                : "smtp; 550 5.1.1 user unknown");
        Map<String, Object> bounce = new LinkedHashMap<>();
        bounce.put("bounceType", "Permanent");
        bounce.put("bounceSubType", listed ? "OnAccountSuppressionList" : "General");
        bounce.put("bouncedRecipients", List.of(recipient));
        bounce.put("timestamp", sent.plusMillis(700).toString());
        bounce.put("feedbackId", "0100" + UUID.randomUUID().toString().replace("-", "") + "-000000");
        bounce.put("reportingMTA", "dns; amazonses.com");
        return bounce;
    }

    private SandboxCallbacks.Callback envelope(String message, Instant at) {
        String notificationId = UUID.randomUUID().toString();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Type", "Notification");
        fields.put("MessageId", notificationId);
        fields.put("TopicArn", settings.topicArn());
        fields.put("Subject", "Amazon SES Email Event Notification");
        fields.put("Message", message);
        fields.put("Timestamp", at.toString());
        Map<String, String> envelope = new LinkedHashMap<>(fields);
        envelope.put("SignatureVersion", "2");
        envelope.put("Signature", signer.sign(fields));
        envelope.put("SigningCertURL", settings.signingCertUrl().toString());
        envelope.put("UnsubscribeURL", "https://sns." + ses.region() + ".amazonaws.com/?Action=Unsubscribe&SubscriptionArn="
                + settings.topicArn() + ":" + UUID.nameUUIDFromBytes(settings.topicArn().getBytes(StandardCharsets.UTF_8)));
        URI url = URI.create(callbacks.settings().callbackBaseUrl().toString().replaceAll("/+$", "") + "/webhooks/ses");
        return new SandboxCallbacks.Callback(url, "text/plain; charset=UTF-8", json.writeValueAsString(envelope),
                Map.of("x-amz-sns-message-type", "Notification", "x-amz-sns-message-id", notificationId,
                        "x-amz-sns-topic-arn", settings.topicArn(),
                        "User-Agent", "Amazon Simple Notification Service Agent"));
    }

    private static String read(SandboxProperties.Ses settings) {
        try {
            return settings.signingKey().getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read peptalk.delivery.sandbox.ses.signing-key", ex);
        }
    }
}
