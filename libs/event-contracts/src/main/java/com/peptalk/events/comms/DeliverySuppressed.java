package com.peptalk.events.comms;

import com.peptalk.events.DomainEvent;

import java.util.UUID;

/** The message was not sent on a channel because the address is on the suppression list. */
public record DeliverySuppressed(UUID messageId, Channel channel, String reason) implements DomainEvent {

    @Override
    public String aggregateId() {
        return messageId.toString();
    }
}
