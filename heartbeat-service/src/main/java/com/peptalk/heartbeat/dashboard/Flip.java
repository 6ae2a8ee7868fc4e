package com.peptalk.heartbeat.dashboard;

import com.peptalk.events.kiosk.KioskStatus;

import java.time.Instant;

/** A kiosk's status change: {@code from} is null for its first one. */
public record Flip(String kioskId, KioskStatus from, KioskStatus to, Instant flippedAt, Instant lastSeenAt) {
}
