package com.peptalk.automation.workflows;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CadenceRuleTests {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Test
    void theSpringForwardGapNeitherSkipsNorDoublesADailyOccurrence() {
        CadenceRule daily = new CadenceRule(CadenceRule.Frequency.DAILY, null, null, LocalTime.of(2, 30), null, null, null);
        // 2026-03-08: 02:00 CST jumps to 03:00 CDT, so 02:30 does not exist that day
        assertThat(occurrences(daily, Instant.parse("2026-03-06T12:00:00Z"), 4)).containsExactly(
                Instant.parse("2026-03-07T08:30:00Z"), // 02:30 CST
                Instant.parse("2026-03-08T08:30:00Z"), // the gap: 03:30 CDT, once
                Instant.parse("2026-03-09T07:30:00Z"), // 02:30 CDT
                Instant.parse("2026-03-10T07:30:00Z"));
    }

    @Test
    void theFallBackOverlapNeitherSkipsNorDoublesADailyOccurrence() {
        CadenceRule daily = new CadenceRule(CadenceRule.Frequency.DAILY, null, null, LocalTime.of(1, 30), null, null, null);
        // 2026-11-01: 02:00 CDT falls back to 01:00 CST, so 01:30 happens twice that day
        assertThat(occurrences(daily, Instant.parse("2026-10-30T12:00:00Z"), 4)).containsExactly(
                Instant.parse("2026-10-31T06:30:00Z"), // 01:30 CDT
                Instant.parse("2026-11-01T06:30:00Z"), // the first 01:30 (CDT), once
                Instant.parse("2026-11-02T07:30:00Z"), // 01:30 CST
                Instant.parse("2026-11-03T07:30:00Z"));
    }

    @Test
    void everyNHoursCountsElapsedHoursAcrossBothTransitions() {
        CadenceRule sixHourly = new CadenceRule(CadenceRule.Frequency.EVERY_N_HOURS, null, null, null, 6,
                LocalDate.of(2026, 3, 1), null);
        List<Instant> spring = occurrences(sixHourly, Instant.parse("2026-03-08T00:00:00Z"), 4);
        assertThat(spring).containsExactly(Instant.parse("2026-03-08T06:00:00Z"), Instant.parse("2026-03-08T12:00:00Z"),
                Instant.parse("2026-03-08T18:00:00Z"), Instant.parse("2026-03-09T00:00:00Z"));
        List<Instant> autumn = occurrences(sixHourly, Instant.parse("2026-11-01T00:00:00Z"), 3);
        assertThat(autumn).containsExactly(Instant.parse("2026-11-01T06:00:00Z"), Instant.parse("2026-11-01T12:00:00Z"),
                Instant.parse("2026-11-01T18:00:00Z"));
    }

    @Test
    void weeklyOnGivenDaysWeekdaysAndMonthlyOnTheLastDayOfShortMonths() {
        CadenceRule weekly = new CadenceRule(CadenceRule.Frequency.WEEKLY, List.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
                null, LocalTime.of(7, 0), null, null, null);
        assertThat(occurrences(weekly, Instant.parse("2026-06-01T00:00:00Z"), 3)).containsExactly(
                Instant.parse("2026-06-01T12:00:00Z"), Instant.parse("2026-06-04T12:00:00Z"), Instant.parse("2026-06-08T12:00:00Z"));
        CadenceRule weekdays = new CadenceRule(CadenceRule.Frequency.WEEKDAYS, null, null, LocalTime.of(7, 0), null, null, null);
        assertThat(occurrences(weekdays, Instant.parse("2026-06-05T13:00:00Z"), 1)).containsExactly(
                Instant.parse("2026-06-08T12:00:00Z"));
        CadenceRule monthly = new CadenceRule(CadenceRule.Frequency.MONTHLY, null, 31, LocalTime.of(7, 0), null, null, null);
        assertThat(occurrences(monthly, Instant.parse("2026-01-31T13:00:00Z"), 2)).containsExactly(
                Instant.parse("2026-02-28T13:00:00Z"), Instant.parse("2026-03-31T12:00:00Z"));
    }

    @Test
    void occursOnlyBetweenItsStartAndEndDates() {
        CadenceRule daily = new CadenceRule(CadenceRule.Frequency.DAILY, null, null, LocalTime.of(7, 0), null,
                LocalDate.of(2026, 6, 10), LocalDate.of(2026, 6, 11));
        assertThat(occurrences(daily, Instant.parse("2026-06-01T00:00:00Z"), 5)).containsExactly(
                Instant.parse("2026-06-10T12:00:00Z"), Instant.parse("2026-06-11T12:00:00Z"));
    }

    @Test
    void refusesRulesThatCannotOccurNamingTheField() {
        assertThat(new CadenceRule(CadenceRule.Frequency.WEEKLY, null, null, LocalTime.NOON, null, null, null).problems())
                .extracting(error -> error.field()).containsExactly("cadence.days");
        assertThat(new CadenceRule(CadenceRule.Frequency.EVERY_N_HOURS, null, null, null, 0, null, null).problems())
                .extracting(error -> error.field()).containsExactly("cadence.everyHours");
        assertThat(new CadenceRule(CadenceRule.Frequency.DAILY, null, null, null, null, null, null).problems())
                .extracting(error -> error.field()).containsExactly("cadence.time");
    }

    private static List<Instant> occurrences(CadenceRule rule, Instant from, int count) {
        List<Instant> found = new ArrayList<>();
        Instant after = from;
        for (int i = 0; i < count; i++) {
            Optional<Instant> next = rule.nextAfter(after, CHICAGO);
            if (next.isEmpty()) {
                break;
            }
            found.add(next.get());
            after = next.get();
        }
        return found;
    }
}
