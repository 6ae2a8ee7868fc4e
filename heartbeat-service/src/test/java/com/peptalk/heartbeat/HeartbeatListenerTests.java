package com.peptalk.heartbeat;

import com.peptalk.events.EventEnvelope;
import com.peptalk.events.kiosk.KioskHeartbeatReceived;
import com.peptalk.events.runtime.EventPublisher;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceTest
class HeartbeatListenerTests {

    @Autowired
    EventPublisher publisher;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void heartbeatsThroughTheBrokerMoveLastSeenForwardOnlyAndAreRecordedOnce() throws Exception {
        String kiosk = "kiosk-" + UUID.randomUUID();
        Instant first = Instant.parse("2026-11-22T08:30:00Z");
        Instant second = first.plusSeconds(60);
        EventEnvelope sent = publisher.publish(beat(kiosk, first)).get();
        publisher.publish(beat(kiosk, second)).get();
        publisher.publish(sent, beat(kiosk, first)).get();
        publisher.publish(beat(kiosk, first.minusSeconds(60))).get();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from heartbeats where kiosk_id = ?", Integer.class, kiosk)).isEqualTo(3));
        assertThat(jdbc.queryForObject("select last_seen_at from kiosks where kiosk_id = ?", Timestamp.class, kiosk)
                .toInstant()).isEqualTo(second);
    }

    private static KioskHeartbeatReceived beat(String kiosk, Instant at) {
        return new KioskHeartbeatReceived(kiosk, 42, at, "3.4.1", 87, "wifi", 3);
    }
}
