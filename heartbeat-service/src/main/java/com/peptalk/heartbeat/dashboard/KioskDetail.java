package com.peptalk.heartbeat.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * One kiosk: its row, its latest flips (newest first) and its connectivity timeline: heartbeats per hour over the
 * last 24 hours, oldest first, and the status spells over the same window.
 */
public record KioskDetail(KioskRow kiosk, List<Flip> flips, List<HourCount> heartbeatsPerHour, List<Spell> spells) {

    /** Heartbeats received in one hour starting at {@code hour}. */
    public record HourCount(Instant hour, int heartbeats) {
    }

    /** The kiosk was in {@code status} from {@code from} until {@code until}. */
    public record Spell(String status, Instant from, Instant until) {
    }
}
