package com.peptalk.events.comms;

import com.peptalk.events.DomainEvent;

import java.time.Instant;

/**
 * A recipient asked to receive nothing more on a channel: an SMS {@code STOP} keyword (or a Twilio synonym such as
 * {@code UNSUBSCRIBE}, {@code CANCEL}, {@code END}, {@code QUIT}, {@code STOPALL}), or an email one-click unsubscribe
 * (RFC 8058). {@code address} is the E.164 phone number or the email address; {@code source} says how it arrived
 * (e.g. {@code twilio-inbound}, {@code list-unsubscribe}); {@code keyword} is the word received, or null.
 * Keyed by the address, so an address's opt-outs and opt-ins stay in order.
 */
public record RecipientOptedOut(Channel channel, String address, String source, String keyword, Instant occurredAt)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return address;
    }
}
