package com.peptalk.events.comms;

import com.peptalk.events.DomainEvent;

import java.time.Instant;

/**
 * A recipient who had opted out asked to receive messages again: an SMS {@code START} keyword (or a Twilio synonym
 * such as {@code YES}, {@code UNSTOP}). Same shape and key (the address) as {@link RecipientOptedOut}.
 */
public record RecipientOptedIn(Channel channel, String address, String source, String keyword, Instant occurredAt)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return address;
    }
}
