package com.peptalk.tracking.webhooklog;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * Deletes webhook log entries and delivery receipts older than {@code peptalk.tracking.webhook-log-retention}, once
 * an hour, on one replica at a time (ShedLock). A delivery repeated after its receipt is gone would be published
 * again, so the retention must exceed the providers' retry windows (SNS: up to 23 days with a custom policy;
 * Twilio and Procore: hours).
 */
@Component
class WebhookLogPurge {

    private final JdbcClient jdbc;
    private final TrackingProperties properties;
    private final Clock clock;

    WebhookLogPurge(JdbcClient jdbc, TrackingProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    @SchedulerLock(name = "tracking-webhook-log-purge", lockAtMostFor = "PT30M")
    void purgeOnSchedule() {
        purge();
    }

    /** @return how many log entries were deleted */
    int purge() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(properties.webhookLogRetention()));
        jdbc.sql("delete from webhook_receipts where received_at < :cutoff").param("cutoff", cutoff).update();
        return jdbc.sql("delete from webhook_log where received_at < :cutoff").param("cutoff", cutoff).update();
    }
}
