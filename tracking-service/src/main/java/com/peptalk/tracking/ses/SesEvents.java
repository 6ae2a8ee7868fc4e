package com.peptalk.tracking.ses;

import com.peptalk.events.DomainEvent;
import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.MessageStatus;
import com.peptalk.events.comms.MessageStatusReported;
import com.peptalk.events.comms.RecipientOptedOut;
import com.peptalk.tracking.webhooklog.ProviderJson;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Maps an SES event (event publishing's {@code eventType}, or an identity notification's {@code notificationType};
 * "Contents of event data that Amazon SES publishes to Amazon SNS") to our events, matched to our message by the
 * {@code message_id} tag delivery-service sets on every email ({@code mail.tags.message_id[0]}).
 *
 * <table>
 * <tr><th>SES</th><th>published</th></tr>
 * <tr><td>Send</td><td>SENT</td></tr>
 * <tr><td>Delivery</td><td>DELIVERED</td></tr>
 * <tr><td>DeliveryDelay</td><td>DELAYED, per delayed recipient</td></tr>
 * <tr><td>Bounce</td><td>BOUNCED per bounced recipient; {@code permanent} for bounceType Permanent, errorCode the bounceSubType</td></tr>
 * <tr><td>Complaint</td><td>COMPLAINED per complained recipient, permanent; errorCode the complaintFeedbackType</td></tr>
 * <tr><td>Reject, Rendering Failure</td><td>FAILED (not about the address, so not permanent)</td></tr>
 * <tr><td>Open, Click</td><td>OPENED, CLICKED (detail: the link)</td></tr>
 * <tr><td>Subscription</td><td>{@code RecipientOptedOut} when the recipient unsubscribed from all topics</td></tr>
 * </table>
 */
final class SesEvents {

    static final String PROVIDER = "ses";

    /** What an SES event became: the outcome for the log, the events, or a refusal naming the field. */
    record Mapped(String outcome, List<DomainEvent> events, String refusedField) {

        static Mapped refused(String field, String why) {
            return new Mapped(why, List.of(), field);
        }
    }

    static Mapped map(JsonNode event) {
        String type = ProviderJson.text(event, "eventType");
        if (type == null) {
            type = ProviderJson.text(event, "notificationType");
        }
        JsonNode mail = event.path("mail");
        if (type == null) {
            return Mapped.refused("Message.eventType", "the SES event has no eventType");
        }
        if (!mail.isObject()) {
            return Mapped.refused("Message.mail", "the SES event has no mail object");
        }
        String tag = tag(mail);
        if (tag == null) {
            return new Mapped("an SES " + type + " event of a message without our message_id tag; nothing published", List.of(), null);
        }
        UUID messageId;
        try {
            messageId = UUID.fromString(tag);
        } catch (IllegalArgumentException e) {
            return Mapped.refused("Message.mail.tags.message_id", "the message_id tag is not a UUID");
        }
        Report report = new Report(messageId, ProviderJson.text(mail, "messageId"), firstDestination(mail));
        Instant mailTime = instant(ProviderJson.text(mail, "timestamp"));
        List<DomainEvent> events = new ArrayList<>();
        switch (type) {
            case "Send" -> events.add(report.status(MessageStatus.SENT, mailTime, null, report.address, false, null));
            case "Delivery" -> events.add(report.status(MessageStatus.DELIVERED, at(event.path("delivery"), mailTime), null, report.address, false, null));
            case "DeliveryDelay" -> {
                JsonNode delay = event.path("deliveryDelay");
                for (JsonNode recipient : delay.path("delayedRecipients")) {
                    events.add(report.status(MessageStatus.DELAYED, at(delay, mailTime), ProviderJson.text(delay, "delayType"),
                            ProviderJson.text(recipient, "emailAddress"), false, ProviderJson.text(recipient, "status")));
                }
            }
            case "Bounce" -> {
                JsonNode bounce = event.path("bounce");
                boolean permanent = "Permanent".equals(ProviderJson.text(bounce, "bounceType"));
                String subType = ProviderJson.text(bounce, "bounceSubType");
                for (JsonNode recipient : bounce.path("bouncedRecipients")) {
                    events.add(report.status(MessageStatus.BOUNCED, at(bounce, mailTime),
                            ProviderJson.text(bounce, "bounceType") + "/" + subType,
                            ProviderJson.text(recipient, "emailAddress"), permanent, subType));
                }
            }
            case "Complaint" -> {
                JsonNode complaint = event.path("complaint");
                for (JsonNode recipient : complaint.path("complainedRecipients")) {
                    events.add(report.status(MessageStatus.COMPLAINED, at(complaint, mailTime), "complaint",
                            ProviderJson.text(recipient, "emailAddress"), true, ProviderJson.text(complaint, "complaintFeedbackType")));
                }
            }
            case "Reject" -> events.add(report.status(MessageStatus.FAILED, mailTime,
                    "rejected: " + ProviderJson.text(event.path("reject"), "reason"), report.address, false, null));
            case "Rendering Failure" -> events.add(report.status(MessageStatus.FAILED, mailTime, "rendering failure",
                    report.address, false, null));
            case "Open" -> events.add(report.status(MessageStatus.OPENED, at(event.path("open"), mailTime), null,
                    report.address, false, null));
            case "Click" -> events.add(report.status(MessageStatus.CLICKED, at(event.path("click"), mailTime),
                    ProviderJson.text(event.path("click"), "link"), report.address, false, null));
            case "Subscription" -> {
                JsonNode subscription = event.path("subscription");
                if (subscription.path("newTopicPreferences").path("unsubscribeAll").asBoolean(false) && report.address != null) {
                    events.add(new RecipientOptedOut(Channel.EMAIL, report.address, "ses-subscription", null, at(subscription, mailTime)));
                }
            }
            default -> {
                return new Mapped("an SES event of a type we do not map; nothing published", List.of(), null);
            }
        }
        if (events.isEmpty()) {
            return new Mapped("an SES " + type + " event without recipients to report; nothing published", List.of(), null);
        }
        return new Mapped("SES " + type + " of message " + messageId + ": " + events.size() + " event(s) published", events, null);
    }

    private static String tag(JsonNode mail) {
        JsonNode values = mail.path("tags").path("message_id");
        return values.isArray() && !values.isEmpty() && values.get(0).isString() ? values.get(0).stringValue() : null;
    }

    private static String firstDestination(JsonNode mail) {
        JsonNode destination = mail.path("destination");
        return destination.isArray() && !destination.isEmpty() && destination.get(0).isString() ? destination.get(0).stringValue() : null;
    }

    private static Instant at(JsonNode part, Instant otherwise) {
        Instant time = instant(ProviderJson.text(part, "timestamp"));
        return time == null ? otherwise : time;
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private record Report(UUID messageId, String providerMessageId, String address) {

        MessageStatusReported status(MessageStatus status, Instant at, String detail, String address, boolean permanent,
                String errorCode) {
            return new MessageStatusReported(messageId, Channel.EMAIL, PROVIDER, providerMessageId, status,
                    at == null ? Instant.now() : at, detail, address, permanent, errorCode);
        }
    }

    private SesEvents() {
    }
}
