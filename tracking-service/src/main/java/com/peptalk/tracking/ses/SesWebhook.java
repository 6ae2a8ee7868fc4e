package com.peptalk.tracking.ses;

import com.peptalk.tracking.webhooklog.WebhookLog;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /webhooks/ses}: SNS's HTTPS subscription endpoint for SES events. */
@RestController
class SesWebhook {

    private final WebhookLog log;
    private final SesNotifications notifications;

    SesWebhook(WebhookLog log, SesNotifications notifications) {
        this.log = log;
        this.notifications = notifications;
    }

    @PostMapping("/webhooks/ses")
    ResponseEntity<String> receive(HttpServletRequest request) {
        return log.receive(notifications, request);
    }
}
