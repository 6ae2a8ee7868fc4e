package com.peptalk.events.comms;

import com.peptalk.events.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * Tracking heard from a provider (or an open pixel / click link) what became of a message.
 * {@code occurredAt} is the provider's time; {@code detail} is a short reason or the clicked link.
 * {@code address} is the email address or E.164 phone number the report concerns (null when the provider did not
 * say); {@code permanent} is true when the report ends delivery to that address for good (an SES {@code Permanent}
 * bounce, a complaint, a Twilio error that will not change on retry), which is what suppresses the address;
 * {@code errorCode} is the provider's code (Twilio {@code ErrorCode}, SES {@code bounceSubType}), or null.
 */
public record MessageStatusReported(UUID messageId, Channel channel, String provider, String providerMessageId,
        MessageStatus status, Instant occurredAt, String detail, String address, boolean permanent,
        String errorCode) implements DomainEvent {

    /** A report that names no address and ends nothing for good (deliveries, opens, clicks, delays). */
    public MessageStatusReported(UUID messageId, Channel channel, String provider, String providerMessageId,
            MessageStatus status, Instant occurredAt, String detail) {
        this(messageId, channel, provider, providerMessageId, status, occurredAt, detail, null, false, null);
    }

    @Override
    public String aggregateId() {
        return messageId.toString();
    }
}
