package com.peptalk.events.comms;

import com.peptalk.events.DomainEvent;

import java.util.UUID;

/** The provider accepted the message and gave it its own id. */
public record DeliveryAccepted(UUID messageId, int attempt, Channel channel, String provider,
        String providerMessageId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return messageId.toString();
    }
}
