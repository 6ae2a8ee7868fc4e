package com.peptalk.events.comms;

import com.peptalk.events.DomainEvent;

import java.util.UUID;

/** Delivery is about to call a provider for a message. */
public record DeliveryAttempted(UUID messageId, int attempt, Channel channel, String provider)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return messageId.toString();
    }
}
