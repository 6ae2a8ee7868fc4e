package com.peptalk.events.kiosk;

/** A kiosk's connectivity: heard from within its period, late past it, offline past period plus grace. */
public enum KioskStatus {
    ONLINE, LATE, OFFLINE
}
