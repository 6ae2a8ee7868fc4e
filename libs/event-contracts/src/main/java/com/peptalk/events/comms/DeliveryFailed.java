package com.peptalk.events.comms;

import com.peptalk.events.DomainEvent;

import java.util.UUID;

/** An attempt failed; {@code permanent} failures are not retried on that channel. */
public record DeliveryFailed(UUID messageId, int attempt, Channel channel, String provider, String reason,
        boolean permanent) implements DomainEvent {

    @Override
    public String aggregateId() {
        return messageId.toString();
    }
}
