package com.peptalk.automation.runs;

import com.peptalk.automation.workflows.WorkflowPlan.QuietHours;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursPolicyTests {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final QuietHours OVERNIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 0));

    @Test
    void aMessageDueInTheEveningWaitsForTheNextMorningInTheRecipientsZone() {
        // 22:30 CDT on 2026-06-10 → 07:00 CDT on 2026-06-11
        assertThat(QuietHoursPolicy.waitUntil(OVERNIGHT, Instant.parse("2026-06-11T03:30:00Z"), CHICAGO))
                .contains(Instant.parse("2026-06-11T12:00:00Z"));
    }

    @Test
    void aMessageDueAfterMidnightWaitsForTheSameMorning() {
        // 05:00 CDT → 07:00 CDT the same day
        assertThat(QuietHoursPolicy.waitUntil(OVERNIGHT, Instant.parse("2026-06-11T10:00:00Z"), CHICAGO))
                .contains(Instant.parse("2026-06-11T12:00:00Z"));
    }

    @Test
    void aMessageDueOutsideTheWindowGoesNow() {
        assertThat(QuietHoursPolicy.waitUntil(OVERNIGHT, Instant.parse("2026-06-11T14:00:00Z"), CHICAGO)).isEmpty();
        assertThat(QuietHoursPolicy.waitUntil(new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0)),
                Instant.parse("2026-06-11T19:00:00Z"), CHICAGO)).isEmpty();
        assertThat(QuietHoursPolicy.waitUntil(null, Instant.parse("2026-06-11T03:30:00Z"), CHICAGO)).isEmpty();
    }

    @Test
    void aWindowWithinTheDayEndsTheSameDay() {
        // 12:30 CDT inside 12:00-13:00 → 13:00 CDT
        assertThat(QuietHoursPolicy.waitUntil(new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0)),
                Instant.parse("2026-06-11T17:30:00Z"), CHICAGO)).contains(Instant.parse("2026-06-11T18:00:00Z"));
    }
}
