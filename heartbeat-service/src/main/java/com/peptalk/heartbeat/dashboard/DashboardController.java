package com.peptalk.heartbeat.dashboard;

import com.peptalk.events.kiosk.KioskStatus;
import com.peptalk.heartbeat.kiosks.KioskRefused;
import com.peptalk.web.edge.EdgeError;
import com.peptalk.web.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's JSON API and the operators' queries (GET only; times are ISO-8601 instants, durations in minutes
 * or days as named). Bad parameters are answered 400 naming the parameter.
 */
@RestController
@RequestMapping("/api/heartbeats")
class DashboardController {

    private final DashboardQueries queries;
    private final Clock clock;

    DashboardController(DashboardQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** Kiosks by status, overall and per project. */
    @GetMapping("/summary")
    StatusCounts summary(@RequestParam(required = false) @Positive Long projectId) {
        return queries.counts(Optional.ofNullable(projectId));
    }

    /** The kiosk list: filter by project, status, name search; a page. */
    @GetMapping("/kiosks")
    KioskPage kiosks(@RequestParam(required = false) @Positive Long projectId, @RequestParam(required = false) KioskStatus status,
            @RequestParam(required = false) @Size(max = 200) @Pattern(regexp = "[^\\p{Cc}]*", message = "must not contain control characters") String q,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int offset) {
        return queries.kiosks(new KioskFilter(projectId, status, q == null || q.isBlank() ? null : q.strip(), limit,
                offset), clock.instant());
    }

    /** One kiosk: last seen, details, uptime, flips, its last 24 hours. */
    @GetMapping("/kiosks/{kioskId}")
    KioskDetail kiosk(@PathVariable String kioskId) {
        return queries.kiosk(kioskId, clock.instant())
                .orElseThrow(() -> new KioskRefused(KioskRefused.Reason.UNKNOWN_KIOSK));
    }

    /** Kiosks down now and since when, down longest first. */
    @GetMapping("/queries/down")
    Map<String, List<Outage>> downNow(@RequestParam(required = false) @Positive Long projectId,
            @RequestParam(defaultValue = "100") @Min(1) @Max(10_000) int limit) {
        return Map.of("kiosks", queries.downNow(Optional.ofNullable(projectId), limit, clock.instant()));
    }

    /** Down spells of at least {@code minutes} overlapping {@code [from, to)} (default: the last 24 hours). */
    @GetMapping("/queries/down-longer-than")
    Map<String, List<Outage>> downLongerThan(@RequestParam @Min(1) @Max(525_600) long minutes,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) @Positive Long projectId,
            @RequestParam(defaultValue = "100") @Min(1) @Max(10_000) int limit) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(Duration.ofHours(24)) : from;
        if (!start.isBefore(end)) {
            throw new InvalidPeriod();
        }
        return Map.of("outages", queries.downLongerThan(minutes, start, end, Optional.ofNullable(projectId), limit));
    }

    /** Uptime per project over the last {@code days}, worst first. */
    @GetMapping("/queries/uptime-by-project")
    Map<String, List<ProjectUptime>> uptimeByProject(@RequestParam(defaultValue = "7") @Min(1) @Max(30) int days) {
        return Map.of("projects", queries.uptimeByProject(Duration.ofDays(days), clock.instant()));
    }

    /** Registered kiosks that never sent a heartbeat. */
    @GetMapping("/queries/never-reported")
    Map<String, List<KioskRow>> neverReported(@RequestParam(required = false) @Positive Long projectId,
            @RequestParam(defaultValue = "100") @Min(1) @Max(10_000) int limit) {
        return Map.of("kiosks", queries.neverReported(Optional.ofNullable(projectId), limit));
    }

    @ExceptionHandler(InvalidPeriod.class)
    void invalidPeriod(HttpServletRequest request, HttpServletResponse response) throws IOException {
        EdgeError.field(ProblemType.VALIDATION, "from", "must be before to").send(request, response);
    }

    /** {@code from} is not before {@code to}. */
    static class InvalidPeriod extends RuntimeException {

        InvalidPeriod() {
            super("from must be before to", null, false, false);
        }
    }
}
