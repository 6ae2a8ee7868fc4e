package com.peptalk.heartbeat.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The small connectivity chart of a kiosk's last 24 hours, laid out for a server-rendered SVG (no script, so it
 * passes the page's content security policy): a band of status spells and a bar per hour of heartbeats received. Coordinates
 * are in the SVG's own units ({@link #WIDTH} × {@link #HEIGHT}); the CSS colours each spell by its status class.
 */
record Timeline(List<Band> bands, List<Bar> bars) {

    static final int WIDTH = 480;
    static final int HEIGHT = 64;
    private static final int BAND_HEIGHT = 12;
    private static final int BAR_AREA = HEIGHT - BAND_HEIGHT - 4;

    /** A spell: from x, this wide, in this status ({@code status-offline}). */
    record Band(double x, double width, String css, String title) {
    }

    /** An hour's heartbeats: a bar at x, this tall. */
    record Bar(double x, double y, double width, double height, String title) {
    }

    static Timeline of(KioskDetail detail, Instant now) {
        Instant start = now.minus(Duration.ofHours(24));
        double perSecond = WIDTH / (double) Duration.ofHours(24).toSeconds();
        List<Band> bands = detail.spells().stream().map(spell -> {
            double x = Math.max(0, Duration.between(start, spell.from()).toSeconds() * perSecond);
            double end = Math.min(WIDTH, Duration.between(start, spell.until()).toSeconds() * perSecond);
            return new Band(round(x), round(Math.max(0.5, end - x)), "status-" + spell.status().toLowerCase(Locale.ROOT),
                    spell.status() + " from " + spell.from() + " until " + spell.until());
        }).toList();
        int max = detail.heartbeatsPerHour().stream().mapToInt(KioskDetail.HourCount::heartbeats).max().orElse(0);
        double slot = WIDTH / 24.0;
        List<Bar> bars = new java.util.ArrayList<>();
        for (int i = 0; i < detail.heartbeatsPerHour().size(); i++) {
            KioskDetail.HourCount hour = detail.heartbeatsPerHour().get(i);
            double height = max == 0 ? 0 : BAR_AREA * hour.heartbeats() / (double) max;
            bars.add(new Bar(round(i * slot + 1), round(HEIGHT - height), round(slot - 2), round(height),
                    hour.heartbeats() + " heartbeats in the hour from " + hour.hour()));
        }
        return new Timeline(bands, bars);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
