package com.peptalk.heartbeat.dashboard;

import java.time.Instant;

/**
 * A spell a kiosk was down (OFFLINE): from when, until when (null: still down), for how many minutes in all.
 */
public record Outage(String kioskId, long projectId, String name, Instant downSince, Instant downUntil,
        long minutes, Instant lastSeenAt) {
}
