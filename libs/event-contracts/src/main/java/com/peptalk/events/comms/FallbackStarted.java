package com.peptalk.events.comms;

import com.peptalk.events.DomainEvent;

import java.util.UUID;

/** The primary channel gave up; the message goes once more on the fallback channel. */
public record FallbackStarted(UUID messageId, Channel fromChannel, Channel toChannel, String reason)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return messageId.toString();
    }
}
