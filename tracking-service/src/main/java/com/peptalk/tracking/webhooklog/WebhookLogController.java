package com.peptalk.tracking.webhooklog;

import com.peptalk.web.problem.ProblemType;
import com.peptalk.web.problem.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The webhook log's JSON API, for admins and support through the gateway: {@code GET /api/webhook-log} (newest first,
 * {@value WebhookLogEntries#PAGE_SIZE} a page; {@code provider}, {@code failures=true}, {@code before=<id of the
 * last entry seen>}), {@code GET /api/webhook-log/{id}} (the request and our answer) and
 * {@code POST /api/webhook-log/{id}/replay} (the stored request through the same processing again, logged as a new
 * entry; a delivery already accepted is a duplicate and publishes nothing again).
 */
@RestController
@RequestMapping("/api/webhook-log")
class WebhookLogController {

    private final WebhookLogEntries entries;
    private final WebhookLog log;

    WebhookLogController(WebhookLogEntries entries, WebhookLog log) {
        this.entries = entries;
        this.log = log;
    }

    @GetMapping
    ResponseEntity<?> page(@RequestParam(required = false) String provider,
            @RequestParam(defaultValue = "false") boolean failures, @RequestParam(required = false) UUID before) {
        if (provider != null && !log.providerNames().contains(provider)) {
            return problem(Problems.invalid(ProblemType.VALIDATION, List.of(new Problems.FieldError("provider",
                    "must be one of " + log.providerNames().stream().sorted().toList()))));
        }
        return entries.page(provider, failures, before).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> problem(Problems.invalid(ProblemType.VALIDATION,
                        List.of(new Problems.FieldError("before", "is not an entry of the log")))));
    }

    @GetMapping("/{id}")
    ResponseEntity<?> detail(@PathVariable UUID id) {
        return entries.detail(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(id));
    }

    @PostMapping("/{id}/replay")
    ResponseEntity<?> replay(@PathVariable UUID id) {
        return log.replay(id).flatMap(entries::detail)
                .<ResponseEntity<?>>map(replayed -> ResponseEntity.created(URI.create("/api/webhook-log/" + replayed.id())).body(replayed))
                .orElseGet(() -> notFound(id));
    }

    private static ResponseEntity<?> notFound(UUID id) {
        return problem(Problems.of(ProblemType.NOT_FOUND, "no webhook log entry " + id));
    }

    private static ResponseEntity<?> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
