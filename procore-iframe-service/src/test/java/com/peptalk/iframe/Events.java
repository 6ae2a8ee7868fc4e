package com.peptalk.iframe;

import com.peptalk.events.DomainEvent;
import com.peptalk.events.EventCatalog;
import com.peptalk.events.EventEnvelope;
import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.DeliveryAccepted;
import com.peptalk.events.comms.DeliveryFailed;
import com.peptalk.events.comms.MessageStatus;
import com.peptalk.events.comms.MessageStatusReported;
import com.peptalk.events.comms.Recipient;
import com.peptalk.events.comms.RenderedContent;
import com.peptalk.events.comms.SendRequested;
import com.peptalk.events.runtime.EventPublisher;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Publishes the events other services would, through the real broker, as they would (or as a retry would). */
final class Events {

    private final EventPublisher publisher;

    Events(EventPublisher publisher) {
        this.publisher = publisher;
    }

    static SendRequested request(UUID messageId, Channel channel, long... projectIds) {
        return new SendRequested(messageId, UUID.randomUUID(), UUID.randomUUID(),
                new Recipient(11, "Sam Site", "sam@example.com", "+15005550006"), channel,
                channel == Channel.EMAIL ? Channel.SMS : null,
                new RenderedContent("Safety briefing", "<p>Hi</p>", "Hi", "Hi"),
                java.util.Arrays.stream(projectIds).boxed().toList(), null);
    }

    static DeliveryAccepted accepted(UUID messageId, Channel channel) {
        return new DeliveryAccepted(messageId, 1, channel, channel == Channel.EMAIL ? "ses" : "twilio",
                "provider-" + messageId);
    }

    static DeliveryFailed failed(UUID messageId, Channel channel, String reason, boolean permanent) {
        return new DeliveryFailed(messageId, 1, channel, channel == Channel.EMAIL ? "ses" : "twilio", reason,
                permanent);
    }

    static MessageStatusReported status(UUID messageId, Channel channel, MessageStatus status) {
        return new MessageStatusReported(messageId, channel, channel == Channel.EMAIL ? "ses" : "twilio",
                "provider-" + messageId, status, Instant.now().truncatedTo(ChronoUnit.MICROS), null);
    }

    /** A provider's report of what happened at {@code occurredAt}. */
    static MessageStatusReported statusAt(UUID messageId, Channel channel, MessageStatus status, Instant occurredAt) {
        return new MessageStatusReported(messageId, channel, channel == Channel.EMAIL ? "ses" : "twilio",
                "provider-" + messageId, status, occurredAt.truncatedTo(ChronoUnit.MICROS), null);
    }

    /** Publishes with a fresh envelope and waits for the broker's acknowledgement. */
    EventEnvelope publish(DomainEvent event) {
        return publisher.publish(event).join();
    }

    /** Publishes again with the same envelope: a redelivery, same {@code ce_id}. */
    void publishAgain(EventEnvelope envelope, DomainEvent event) {
        publisher.publish(envelope, event).join();
    }

    /** Publishes with an envelope of another time, as an event published then would have. */
    EventEnvelope publishAt(Instant time, DomainEvent event) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), EventCatalog.of(event.getClass()).name(),
                URI.create("/test"), time.truncatedTo(ChronoUnit.MICROS), event.aggregateId(),
                EventEnvelope.SPEC_VERSION);
        publisher.publish(envelope, event).join();
        return envelope;
    }

    static List<Long> ids(long... ids) {
        return java.util.Arrays.stream(ids).boxed().toList();
    }
}
