package com.peptalk.iframe.procore;

import com.peptalk.iframe.dashboard.ProjectSummary;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as a project's people read them: in the project's time zone, which the page header names. */
record ProjectTime(ZoneId zone) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter MACHINE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** The project's zone; UTC if the directory holds a zone this JVM does not know. */
    static ProjectTime of(String timeZone) {
        return new ProjectTime(ProjectSummary.zoneOf(timeZone));
    }

    /** For reading, e.g. {@code Tue 3 Mar 2026, 14:05}; "never" when there is no time. */
    public String show(Instant instant) {
        return instant == null ? "never" : SHOWN.format(instant.atZone(zone));
    }

    /** For a {@code <time datetime>} attribute, with the project's offset. */
    public String machine(Instant instant) {
        return instant == null ? null : MACHINE.format(instant.atZone(zone));
    }
}
