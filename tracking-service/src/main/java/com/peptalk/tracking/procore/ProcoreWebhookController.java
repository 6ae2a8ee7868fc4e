package com.peptalk.tracking.procore;

import com.peptalk.tracking.webhooklog.WebhookLog;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /webhooks/procore}: the Notification Endpoint configured in Procore's company Webhooks page. */
@RestController
class ProcoreWebhookController {

    private final WebhookLog log;
    private final ProcoreWebhooks webhooks;

    ProcoreWebhookController(WebhookLog log, ProcoreWebhooks webhooks) {
        this.log = log;
        this.webhooks = webhooks;
    }

    @PostMapping("/webhooks/procore")
    ResponseEntity<String> receive(HttpServletRequest request) {
        return log.receive(webhooks, request);
    }
}
