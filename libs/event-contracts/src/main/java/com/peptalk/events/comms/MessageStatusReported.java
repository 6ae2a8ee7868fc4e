package com.peptalk.events.comms;

import com.peptalk.events.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * Tracking heard from a provider (or an open pixel / click link) what became of a message.
 * {@code occurredAt} is the provider's time; {@code detail} is a short reason or the clicked link.
 */
public record MessageStatusReported(UUID messageId, Channel channel, String provider, String providerMessageId,
        MessageStatus status, Instant occurredAt, String detail) implements DomainEvent {

    @Override
    public String aggregateId() {
        return messageId.toString();
    }
}
