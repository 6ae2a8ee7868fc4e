package com.peptalk.automation.runs;

import com.peptalk.automation.workflows.WorkflowPlan.QuietHours;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** When a message due inside quiet hours may go: the end of the window, in the recipient's time zone. */
final class QuietHoursPolicy {

    /** The instant the window ends, when {@code now} is inside it; empty when it is not (or there are none). */
    static Optional<Instant> waitUntil(QuietHours quiet, Instant now, ZoneId zone) {
        if (quiet == null) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean spansMidnight = quiet.start().isAfter(quiet.end());
        boolean inside = spansMidnight ? !time.isBefore(quiet.start()) || time.isBefore(quiet.end())
                : !time.isBefore(quiet.start()) && time.isBefore(quiet.end());
        if (!inside) {
            return Optional.empty();
        }
        LocalDate endDate = spansMidnight && !time.isBefore(quiet.start()) ? local.toLocalDate().plusDays(1)
                : local.toLocalDate();
        return Optional.of(ZonedDateTime.of(endDate, quiet.end(), zone).toInstant());
    }

    private QuietHoursPolicy() {
    }
}
