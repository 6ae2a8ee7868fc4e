package com.peptalk.heartbeat.dashboard;

import com.peptalk.events.kiosk.KioskStatus;
import com.peptalk.heartbeat.kiosks.KioskRefused;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The heartbeats dashboard, server-rendered: counts by status overall and per project, the filterable kiosk list
 * with last seen and uptime, and a page per kiosk with its 24-hour timeline and flips. Both refresh themselves.
 */
@Controller
@RequestMapping("/heartbeats")
class DashboardPages {

    static final int PAGE_SIZE = 50;

    private final DashboardQueries queries;
    private final Clock clock;

    DashboardPages(DashboardQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping
    String overview(@RequestParam(name = "project_id", required = false) @Positive Long projectId,
            @RequestParam(required = false) KioskStatus status,
            @RequestParam(required = false) @Size(max = 200) @Pattern(regexp = "[^\\p{Cc}]*", message = "must not contain control characters") String q,
            @RequestParam(defaultValue = "1") @Min(1) @Max(20_000) int page, Model model) {
        Instant now = clock.instant();
        String search = q == null || q.isBlank() ? null : q.strip();
        model.addAttribute("counts", queries.counts(Optional.empty()));
        model.addAttribute("list", queries.kiosks(new KioskFilter(projectId, status, search,
                PAGE_SIZE, (page - 1) * PAGE_SIZE), now));
        model.addAttribute("projectId", projectId);
        model.addAttribute("status", status);
        model.addAttribute("q", search);
        model.addAttribute("page", page);
        model.addAttribute("statuses", KioskStatus.values());
        model.addAttribute("now", now);
        return "heartbeats/overview";
    }

    @GetMapping("/kiosks/{kioskId}")
    String kiosk(@PathVariable String kioskId, Model model) {
        Instant now = clock.instant();
        KioskDetail detail = queries.kiosk(kioskId, now)
                .orElseThrow(() -> new KioskRefused(KioskRefused.Reason.UNKNOWN_KIOSK));
        model.addAttribute("detail", detail);
        model.addAttribute("timeline", Timeline.of(detail, now));
        model.addAttribute("now", now);
        return "heartbeats/kiosk";
    }
}
