package com.peptalk.events.kiosk;

import com.peptalk.events.DomainEvent;

import java.time.Instant;

/** A kiosk went online, late or offline. {@code previous} is null for a kiosk heard from the first time. */
public record KioskStatusChanged(String kioskId, long projectId, KioskStatus previous, KioskStatus current,
        Instant lastSeenAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return kioskId;
    }
}
