package com.peptalk.heartbeat.dashboard;

/** A project's uptime over a window: percent of its kiosks' monitored time not spent OFFLINE. */
public record ProjectUptime(long projectId, long kiosks, Double uptimePercent, long downMinutes) {
}
