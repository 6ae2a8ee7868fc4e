package com.peptalk.events.kiosk;

/**
 * A kiosk's connectivity, in healthchecks.io's terms: ONLINE is "up" (heard from within its period), LATE is "late"
 * (period passed, within grace), OFFLINE is "down" (period plus grace passed), NEW has never been heard from, PAUSED
 * is in maintenance (no alerts until it is resumed).
 */
public enum KioskStatus {
    ONLINE, LATE, OFFLINE, NEW, PAUSED
}
