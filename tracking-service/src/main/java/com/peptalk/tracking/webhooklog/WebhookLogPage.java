package com.peptalk.tracking.webhooklog;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.util.UUID;

/**
 * The webhook log page ({@code GET /webhook-log}), laid out like the Deliveries section of Procore's company Webhooks
 * page: newest first, {@value WebhookLogEntries#PAGE_SIZE} at a time with "More deliveries", an "Only show failures"
 * checkbox, and each entry opening onto the request payload and our response headers and body. Server-rendered, no
 * script: entries open with {@code <details>}.
 */
@Controller
class WebhookLogPage {

    private final WebhookLogEntries entries;

    WebhookLogPage(WebhookLogEntries entries) {
        this.entries = entries;
    }

    @GetMapping("/webhook-log")
    String page(@RequestParam(defaultValue = "false") boolean failures, @RequestParam(required = false) UUID before,
            Model model) {
        WebhookLogEntries.Page page = entries.page(null, failures, before)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "That page of the webhook log does not exist."));
        model.addAttribute("entries", page.entries().stream().map(entry -> entries.detail(entry.id()).orElseThrow()).toList());
        model.addAttribute("next", page.next());
        model.addAttribute("failures", failures);
        model.addAttribute("first", before == null);
        return "webhook-log";
    }
}
