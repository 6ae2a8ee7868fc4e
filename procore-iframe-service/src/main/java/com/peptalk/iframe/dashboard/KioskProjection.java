package com.peptalk.iframe.dashboard;

import com.peptalk.events.ReceivedEvent;
import com.peptalk.events.Topics;
import com.peptalk.events.kiosk.KioskStatusChanged;
import com.peptalk.events.runtime.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Each kiosk's latest status and last-seen time, as heartbeat-service decided them (the iframe does not second-guess
 * its sweep). An older event never overwrites a newer one, so a redelivery or a replay ends in the same rows.
 * <p>
 * Plain SQL (JdbcClient), not JPA: a read model kept by one upsert per event, in which an older event never wins.
 */
@Component
class KioskProjection {

    static final String CONSUMER = "iframe-kiosks";

    private final EventInbox inbox;
    private final JdbcClient jdbc;

    KioskProjection(EventInbox inbox, JdbcClient jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.KIOSK_STATUS_CHANGES)
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(CONSUMER, record, this::apply);
    }

    private void apply(ReceivedEvent received) {
        if (received.event() instanceof KioskStatusChanged changed) {
            jdbc.sql("""
                    insert into kiosks (kiosk_id, project_id, status, last_seen_at, changed_at)
                    values (?, ?, ?, ?, ?)
                    on conflict (kiosk_id) do update
                    set project_id = excluded.project_id, status = excluded.status,
                        last_seen_at = excluded.last_seen_at, changed_at = excluded.changed_at
                    where kiosks.changed_at <= excluded.changed_at
                    """).params(changed.kioskId(), changed.projectId(), changed.current().name(),
                    changed.lastSeenAt() == null ? null : Timestamp.from(changed.lastSeenAt()),
                    Timestamp.from(received.envelope().time())).update();
        }
    }
}
