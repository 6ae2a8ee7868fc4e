package com.peptalk.heartbeat.kiosks;

import com.peptalk.events.Topics;
import com.peptalk.events.kiosk.KioskHeartbeatReceived;
import com.peptalk.events.runtime.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Records each heartbeat in the history and moves the kiosk's last-seen time forward (never back: heartbeats
 * may arrive out of order). A kiosk heard from the first time is registered as online.
 */
@Component
class HeartbeatListener {

    private static final String CONSUMER = "heartbeat-kiosks";

    private final EventInbox inbox;
    private final JdbcClient jdbc;

    HeartbeatListener(EventInbox inbox, JdbcClient jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.KIOSK_HEARTBEATS)
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(CONSUMER, record, received -> {
            if (received.event() instanceof KioskHeartbeatReceived heartbeat) {
                record(heartbeat, Timestamp.from(received.envelope().time()));
            }
        });
    }

    /** Plain SQL: an upsert where an older heartbeat must never win, and an append to the history. */
    private void record(KioskHeartbeatReceived heartbeat, Timestamp receivedAt) {
        Timestamp sentAt = Timestamp.from(heartbeat.sentAt());
        jdbc.sql("""
                insert into kiosks (kiosk_id, project_id, status, status_since, last_seen_at, app_version,
                                    battery_percent, network, signal_bars)
                values (?, ?, 'ONLINE', ?, ?, ?, ?, ?, ?)
                on conflict (kiosk_id) do update
                set last_seen_at = excluded.last_seen_at, project_id = excluded.project_id,
                    app_version = excluded.app_version, battery_percent = excluded.battery_percent,
                    network = excluded.network, signal_bars = excluded.signal_bars
                where kiosks.last_seen_at < excluded.last_seen_at
                """).params(heartbeat.kioskId(), heartbeat.projectId(), sentAt, sentAt, heartbeat.appVersion(),
                heartbeat.batteryPercent(), heartbeat.network(), heartbeat.signalBars()).update();
        jdbc.sql("""
                insert into heartbeats (kiosk_id, sent_at, received_at, app_version, battery_percent, network,
                                        signal_bars)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing
                """).params(heartbeat.kioskId(), sentAt, receivedAt, heartbeat.appVersion(),
                heartbeat.batteryPercent(), heartbeat.network(), heartbeat.signalBars()).update();
    }
}
