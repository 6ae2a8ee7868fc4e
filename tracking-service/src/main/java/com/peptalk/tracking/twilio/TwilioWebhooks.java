package com.peptalk.tracking.twilio;

import com.peptalk.tracking.webhooklog.WebhookLog;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /webhooks/twilio/status} (message status callbacks) and {@code /webhooks/twilio/inbound} (replies). */
@RestController
class TwilioWebhooks {

    private final WebhookLog log;
    private final TwilioStatusCallbacks statuses;
    private final TwilioInboundMessages inbound;

    TwilioWebhooks(WebhookLog log, TwilioStatusCallbacks statuses, TwilioInboundMessages inbound) {
        this.log = log;
        this.statuses = statuses;
        this.inbound = inbound;
    }

    @PostMapping("/webhooks/twilio/status")
    ResponseEntity<String> status(HttpServletRequest request) {
        return log.receive(statuses, request);
    }

    @PostMapping("/webhooks/twilio/inbound")
    ResponseEntity<String> inbound(HttpServletRequest request) {
        return log.receive(inbound, request);
    }
}
