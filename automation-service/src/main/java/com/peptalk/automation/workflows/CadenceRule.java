package com.peptalk.automation.workflows;

import com.peptalk.web.problem.Problems.FieldError;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When a cadence workflow runs, in a project's time zone: {@code DAILY}, {@code WEEKDAYS} (Monday to Friday) or
 * {@code WEEKLY} on {@code days} at a local {@code time}; {@code MONTHLY} on {@code dayOfMonth} (the month's last day
 * when it is shorter) at {@code time}; or {@code EVERY_N_HOURS} ({@code everyHours} of elapsed time from midnight of
 * {@code startsOn}, or of 2000-01-01, in the zone). Only between {@code startsOn} and {@code endsOn} (inclusive local
 * dates) when given.
 * <p>
 * Daylight saving: local-time rules walk local dates, never add 24 hours, so a change neither skips nor doubles a
 * day. A local time that does not exist that day (the spring gap) runs at the same wall-clock offset after the gap
 * (02:30 → 03:30); a local time that happens twice (the autumn overlap) runs once, at its first (summer-time)
 * instance — java.time's {@link ZonedDateTime#of} resolution.
 */
public record CadenceRule(Frequency frequency, List<DayOfWeek> days, Integer dayOfMonth, LocalTime time,
        Integer everyHours, LocalDate startsOn, LocalDate endsOn) {

    /** How often a cadence rule occurs. */
    public enum Frequency {
        DAILY, WEEKDAYS, WEEKLY, MONTHLY, EVERY_N_HOURS
    }

    private static final LocalDate DEFAULT_ANCHOR = LocalDate.of(2000, 1, 1);
    /** How far ahead an occurrence is looked for before the rule is taken to have ended. */
    private static final int HORIZON_DAYS = 400;

    public CadenceRule {
        days = days == null ? List.of() : List.copyOf(days);
    }

    /** What is wrong with the rule, as fields under {@code cadence.}; empty when it can occur. */
    List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        if (frequency == null) {
            errors.add(new FieldError("cadence.frequency", "is required: DAILY, WEEKDAYS, WEEKLY, MONTHLY or EVERY_N_HOURS"));
            return errors;
        }
        if (frequency == Frequency.EVERY_N_HOURS) {
            if (everyHours == null || everyHours < 1 || everyHours > 168) {
                errors.add(new FieldError("cadence.everyHours", "must be 1 to 168 hours for EVERY_N_HOURS"));
            }
        }
        else if (time == null) {
            errors.add(new FieldError("cadence.time", "is required: the local time it runs at, such as 07:00"));
        }
        if (frequency == Frequency.WEEKLY && days.isEmpty()) {
            errors.add(new FieldError("cadence.days", "WEEKLY needs at least one day, such as [\"MONDAY\"]"));
        }
        if (frequency != Frequency.WEEKLY && !days.isEmpty()) {
            errors.add(new FieldError("cadence.days", "only WEEKLY rules name days"));
        }
        if (frequency == Frequency.MONTHLY && (dayOfMonth == null || dayOfMonth < 1 || dayOfMonth > 31)) {
            errors.add(new FieldError("cadence.dayOfMonth", "MONTHLY needs a day of the month from 1 to 31"));
        }
        if (frequency != Frequency.MONTHLY && dayOfMonth != null) {
            errors.add(new FieldError("cadence.dayOfMonth", "only MONTHLY rules name a day of the month"));
        }
        if (frequency != Frequency.EVERY_N_HOURS && everyHours != null) {
            errors.add(new FieldError("cadence.everyHours", "only EVERY_N_HOURS rules name hours"));
        }
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            errors.add(new FieldError("cadence.endsOn", "is before startsOn"));
        }
        return errors;
    }

    /** The first occurrence strictly after {@code after} in {@code zone}, or empty when the rule has ended. */
    public Optional<Instant> nextAfter(Instant after, ZoneId zone) {
        if (frequency == Frequency.EVERY_N_HOURS) {
            return nextEveryHours(after, zone);
        }
        LocalDate date = after.atZone(zone).toLocalDate();
        if (startsOn != null && date.isBefore(startsOn)) {
            date = startsOn;
        }
        for (int i = 0; i < HORIZON_DAYS; i++, date = date.plusDays(1)) {
            if (endsOn != null && date.isAfter(endsOn)) {
                return Optional.empty();
            }
            if (occursOn(date)) {
                Instant candidate = ZonedDateTime.of(date, time, zone).toInstant();
                if (candidate.isAfter(after)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private boolean occursOn(LocalDate date) {
        return switch (frequency) {
            case DAILY -> true;
            case WEEKDAYS -> !Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY).contains(date.getDayOfWeek());
            case WEEKLY -> days.contains(date.getDayOfWeek());
            case MONTHLY -> date.getDayOfMonth() == Math.min(dayOfMonth, date.lengthOfMonth());
            case EVERY_N_HOURS -> true;
        };
    }

    private Optional<Instant> nextEveryHours(Instant after, ZoneId zone) {
        Instant anchor = (startsOn == null ? DEFAULT_ANCHOR : startsOn).atStartOfDay(zone).toInstant();
        Duration step = Duration.ofHours(everyHours);
        Instant next;
        if (after.isBefore(anchor)) {
            next = anchor;
        }
        else {
            long steps = Duration.between(anchor, after).dividedBy(step) + 1;
            next = anchor.plus(step.multipliedBy(steps));
        }
        if (endsOn != null && next.isAfter(endsOn.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1))) {
            return Optional.empty();
        }
        return Optional.of(next);
    }
}
