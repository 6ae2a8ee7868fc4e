package com.peptalk.tracking.kiosks;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/**
 * One heartbeat as a kiosk posts it (JSON, strictly read: an unknown or mistyped field is refused, naming it).
 *
 * @param kioskId optional; when given it must be the kiosk of the token (a kiosk reports only for itself)
 * @param sentAt when the kiosk sent it (ISO-8601 instant), at most {@code max-clock-skew} ahead of us and
 *     {@code max-age} old
 * @param appVersion the kiosk app's version ({@code 3.4.1}, {@code 3.5.0-beta.2+build.7})
 * @param batteryPercent 0–100, absent for a kiosk on mains power
 * @param network {@code wifi}, {@code ethernet}, {@code cellular} or {@code other}
 * @param signalBars 0–4 bars, absent when the network has none
 */
public record KioskHeartbeat(@Pattern(regexp = "[1-9][0-9]{0,17}", message = "must be a kiosk id") String kioskId,
        @NotNull Instant sentAt,
        @NotNull @Pattern(regexp = "[0-9A-Za-z][0-9A-Za-z.+_-]{0,31}", message = "must be a version like 3.4.1 (at most 32 characters)") String appVersion,
        @Min(0) @Max(100) Integer batteryPercent,
        @Pattern(regexp = "wifi|ethernet|cellular|other", message = "must be wifi, ethernet, cellular or other") String network,
        @Min(0) @Max(4) Integer signalBars) {
}
