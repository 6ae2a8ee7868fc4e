package com.peptalk.heartbeat.history;

import com.peptalk.events.kiosk.KioskHeartbeatReceived;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Appends heartbeats to the raw history (partitioned by day) and counts them into hourly rollups. Plain SQL: an
 * insert that ignores a heartbeat seen before (same kiosk, same sent time), and an upsert that adds one to the hour
 * only for a heartbeat that was new, so a redelivered heartbeat is counted once.
 */
@Service
public class HeartbeatHistory {

    private final JdbcClient jdbc;

    HeartbeatHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records one heartbeat in the caller's transaction; {@code false} when it was recorded before. A heartbeat
     * older than the raw retention is still counted in its hour's rollup but not kept raw.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean record(KioskHeartbeatReceived heartbeat, Instant receivedAt, Instant keepRawAfter) {
        Timestamp sentAt = Timestamp.from(heartbeat.sentAt());
        boolean recent = heartbeat.sentAt().isAfter(keepRawAfter);
        int inserted = !recent ? 1 : jdbc.sql("""
                insert into heartbeats (kiosk_id, sent_at, received_at, app_version, battery_percent, network,
                                        signal_bars)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing
                """).params(heartbeat.kioskId(), sentAt, Timestamp.from(receivedAt), heartbeat.appVersion(),
                heartbeat.batteryPercent(), heartbeat.network(), heartbeat.signalBars()).update();
        if (inserted == 0) {
            return false;
        }
        jdbc.sql("""
                insert into heartbeat_rollups (kiosk_id, hour, heartbeats) values (?, date_trunc('hour', ?::timestamptz, 'UTC'), 1)
                on conflict (kiosk_id, hour) do update set heartbeats = heartbeat_rollups.heartbeats + 1
                """).params(heartbeat.kioskId(), sentAt).update();
        return true;
    }
}
