package com.peptalk.heartbeat.dashboard;

import com.peptalk.events.kiosk.KioskStatus;

import java.time.Instant;

/**
 * One kiosk as the dashboard lists it: its status since when, last seen (null: never), last reported details, and
 * its uptime over 24 h / 7 d / 30 d in percent (null when it was never heard from in that window).
 */
public record KioskRow(String kioskId, long projectId, String name, KioskStatus status, Instant statusSince,
        Instant lastSeenAt, String appVersion, Integer batteryPercent, String network, Integer signalBars,
        Uptime uptime) {

    /** Percent of the time up (not OFFLINE) since the kiosk was first heard from within each window. */
    public record Uptime(Double last24Hours, Double last7Days, Double last30Days) {
    }

    KioskRow withUptime(Uptime value) {
        return new KioskRow(kioskId, projectId, name, status, statusSince, lastSeenAt, appVersion, batteryPercent,
                network, signalBars, value);
    }
}
