package com.peptalk.iframe.dashboard;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A project as the pages name it. {@code timeZone} is an IANA zone id such as {@code America/Chicago}. */
public record ProjectSummary(long projectId, String name, String timeZone) {

    /** The zone the project's days and times are read in. */
    public ZoneId zone() {
        return zoneOf(timeZone);
    }

    /**
     * The zone of an IANA id as the directory holds it; UTC when there is none (a project not heard of yet) or this
     * JVM does not know it. The one rule for the pages' times and the chart's days alike.
     */
    public static ZoneId zoneOf(String timeZone) {
        try {
            return timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
        }
        catch (DateTimeException ex) {
            return ZoneOffset.UTC;
        }
    }
}
