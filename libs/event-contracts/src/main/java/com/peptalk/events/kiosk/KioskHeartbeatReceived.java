package com.peptalk.events.kiosk;

import com.peptalk.events.DomainEvent;

import java.time.Instant;

/** One heartbeat of a kiosk; battery (0–100) and signal (0–4 bars) are absent when the device did not say. */
public record KioskHeartbeatReceived(String kioskId, long projectId, Instant sentAt, String appVersion,
        Integer batteryPercent, String network, Integer signalBars) implements DomainEvent {

    @Override
    public String aggregateId() {
        return kioskId;
    }
}
