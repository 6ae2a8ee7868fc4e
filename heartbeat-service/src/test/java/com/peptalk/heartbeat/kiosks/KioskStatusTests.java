package com.peptalk.heartbeat.kiosks;

import com.peptalk.events.Topics;
import com.peptalk.events.kiosk.KioskHeartbeatReceived;
import com.peptalk.events.kiosk.KioskStatus;
import com.peptalk.events.kiosk.KioskStatusChanged;
import com.peptalk.events.runtime.EventPublisher;
import com.peptalk.testsupport.EventProbe;
import com.peptalk.testsupport.ServiceTest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kiosk status in healthchecks.io's model: NEW until heard from, ONLINE, LATE after its period, OFFLINE after period +
 * grace (moved by the sweep on time, with no heartbeat), PAUSED for maintenance; every change a flip, published on
 * kiosk.status-changes. Older or repeated heartbeats never move a kiosk backwards; a broken record goes to the DLT
 * and the partition moves on. Defaults here: period 60 s, grace 120 s.
 */
@ServiceTest
class KioskStatusTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    static EventProbe probe;

    @Autowired
    EventPublisher publisher;

    @Autowired
    KioskStates states;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @BeforeAll
    static void listen() {
        probe = EventProbe.listen(Topics.KIOSK_STATUS_CHANGES, Topics.deadLetterOf(Topics.KIOSK_HEARTBEATS));
    }

    @AfterAll
    static void close() {
        probe.close();
    }

    @Test
    void aKioskGoesOnlineLateOfflineAndBackWithAFlipPublishedForEachChange() {
        String kiosk = newKiosk();
        Instant seen = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publisher.publish(beat(kiosk, seen)).join();
        await().atMost(WAIT).until(() -> status(kiosk) == KioskStatus.ONLINE);

        assertThat(states.sweep(seen.plusSeconds(59))).isZero();
        assertThat(status(kiosk)).isEqualTo(KioskStatus.ONLINE);
        states.sweep(seen.plusSeconds(61));
        assertThat(status(kiosk)).isEqualTo(KioskStatus.LATE);
        states.sweep(seen.plusSeconds(179));
        assertThat(status(kiosk)).isEqualTo(KioskStatus.LATE);
        states.sweep(seen.plusSeconds(181));
        assertThat(status(kiosk)).isEqualTo(KioskStatus.OFFLINE);
        heartbeat(kiosk, seen.plusSeconds(200), seen.plusSeconds(201));

        assertThat(flips(kiosk)).containsExactly("NEW>ONLINE", "ONLINE>LATE", "LATE>OFFLINE", "OFFLINE>ONLINE");
        for (KioskStatus[] change : List.of(new KioskStatus[] { KioskStatus.NEW, KioskStatus.ONLINE },
                new KioskStatus[] { KioskStatus.ONLINE, KioskStatus.LATE },
                new KioskStatus[] { KioskStatus.LATE, KioskStatus.OFFLINE },
                new KioskStatus[] { KioskStatus.OFFLINE, KioskStatus.ONLINE })) {
            probe.awaitEvent(event -> event.event() instanceof KioskStatusChanged changed
                    && changed.kioskId().equals(kiosk) && changed.previous() == change[0]
                    && changed.current() == change[1] && changed.projectId() == 42, WAIT);
        }
    }

    @Test
    void olderAndRepeatedHeartbeatsNeverMoveAKioskBackwards() {
        String kiosk = newKiosk();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        heartbeat(kiosk, now, now);
        heartbeat(kiosk, now.minusSeconds(600), now);
        heartbeat(kiosk, now, now);

        assertThat(status(kiosk)).isEqualTo(KioskStatus.ONLINE);
        assertThat(jdbc.queryForObject("select last_seen_at from kiosks where kiosk_id = ?", Instant.class, kiosk))
                .isEqualTo(now);
        assertThat(flips(kiosk)).containsExactly("NEW>ONLINE");
        assertThat(jdbc.queryForObject("select count(*) from heartbeats where kiosk_id = ?", Integer.class, kiosk))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select sum(heartbeats) from heartbeat_rollups where kiosk_id = ?",
                Integer.class, kiosk)).isEqualTo(2);
    }

    @Test
    void aPausedKioskIsNeverSweptNorAlertedUntilResumed() {
        String kiosk = newKiosk();
        Instant seen = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        heartbeat(kiosk, seen, seen);
        states.pause(kiosk, seen.plusSeconds(1));

        states.sweep(seen.plusSeconds(3600));
        heartbeat(kiosk, seen.plusSeconds(3000), seen.plusSeconds(3001));
        assertThat(status(kiosk)).isEqualTo(KioskStatus.PAUSED);

        states.resume(kiosk, seen.plusSeconds(3010));
        assertThat(status(kiosk)).isEqualTo(KioskStatus.ONLINE);
        assertThat(flips(kiosk)).containsExactly("NEW>ONLINE", "ONLINE>PAUSED", "PAUSED>ONLINE");
    }

    @Test
    void aProjectsOwnPeriodAndGraceOverrideTheDefaults() {
        long project = ThreadLocalRandom.current().nextLong(1_000_000, 900_000_000_000L);
        String kiosk = newKiosk(project);
        Instant seen = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        states.schedule(project, java.util.Optional.of(Duration.ofMinutes(10)),
                java.util.Optional.of(Duration.ofMinutes(5)));
        transactions.executeWithoutResult(tx -> states.heartbeat(new KioskHeartbeatReceived(kiosk, project, seen,
                "3.4.1", 80, "wifi", 3), seen));

        states.sweep(seen.plusSeconds(181));
        assertThat(status(kiosk)).isEqualTo(KioskStatus.ONLINE);
        states.sweep(seen.plusSeconds(601));
        assertThat(status(kiosk)).isEqualTo(KioskStatus.LATE);
        states.sweep(seen.plusSeconds(901));
        assertThat(status(kiosk)).isEqualTo(KioskStatus.OFFLINE);
    }

    @Test
    void twoSweepsAtOnceMoveEachKioskOnceAndPublishOneFlipEach() throws Exception {
        Instant seen = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<String> kiosks = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String kiosk = newKiosk();
            heartbeat(kiosk, seen, seen);
            kiosks.add(kiosk);
        }
        java.util.concurrent.ExecutorService replicas = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Callable<Integer> sweep = () -> states.sweep(seen.plusSeconds(61));
            replicas.invokeAll(List.of(sweep, sweep)).forEach(done -> {
                try {
                    done.get();
                }
                catch (Exception ex) {
                    throw new AssertionError(ex);
                }
            });
        }
        finally {
            replicas.shutdown();
        }
        for (String kiosk : kiosks) {
            assertThat(status(kiosk)).isEqualTo(KioskStatus.LATE);
            assertThat(flips(kiosk)).containsExactly("NEW>ONLINE", "ONLINE>LATE");
        }
    }

    @Test
    void aBrokenRecordGoesToTheDeadLetterTopicAndTheNextHeartbeatIsStillApplied() {
        String kiosk = newKiosk();
        EventProbe.sendRaw(new ProducerRecord<>(Topics.KIOSK_HEARTBEATS, kiosk,
                "{not json".getBytes(StandardCharsets.UTF_8)));
        publisher.publish(beat(kiosk, Instant.now())).join();

        probe.awaitRecord(record -> record.topic().equals(Topics.deadLetterOf(Topics.KIOSK_HEARTBEATS))
                && kiosk.equals(record.key()), WAIT);
        await().atMost(WAIT).until(() -> status(kiosk) == KioskStatus.ONLINE);
    }

    @Test
    void aBrokenRecordAmongManyLosesNoHeartbeatAndAppliesNoneTwice() {
        List<String> kiosks = IntStream.range(0, 20).mapToObj(i -> newKiosk()).toList();
        Instant now = Instant.now();
        for (int i = 0; i < kiosks.size(); i++) {
            if (i == 10) { // among the heartbeats around it, on the partition of the kiosk after it
                EventProbe.sendRaw(new ProducerRecord<>(Topics.KIOSK_HEARTBEATS, kiosks.get(i),
                        "{not json either".getBytes(StandardCharsets.UTF_8)));
            }
            publisher.publish(beat(kiosks.get(i), now));
        }

        probe.awaitRecord(record -> record.topic().equals(Topics.deadLetterOf(Topics.KIOSK_HEARTBEATS))
                && kiosks.get(10).equals(record.key()), WAIT);
        await().atMost(WAIT).until(() -> kiosks.stream().allMatch(kiosk -> status(kiosk) == KioskStatus.ONLINE));
        for (String kiosk : kiosks) {
            assertThat(jdbc.queryForObject("select count(*) from heartbeats where kiosk_id = ?", Integer.class,
                    kiosk)).as("heartbeats of kiosk %s", kiosk).isEqualTo(1);
            assertThat(flips(kiosk)).containsExactly("NEW>ONLINE");
        }
    }

    private void heartbeat(String kiosk, Instant sentAt, Instant now) {
        transactions.executeWithoutResult(tx -> states.heartbeat(beat(kiosk, sentAt), now));
    }

    private KioskStatus status(String kiosk) {
        List<String> status = jdbc.queryForList("select status from kiosks where kiosk_id = ?", String.class, kiosk);
        return status.isEmpty() ? null : KioskStatus.valueOf(status.getFirst());
    }

    private List<String> flips(String kiosk) {
        return jdbc.queryForList("""
                select coalesce(from_status, '-') || '>' || to_status from kiosk_status_flips
                where kiosk_id = ? order by flipped_at, id
                """, String.class, kiosk);
    }

    private String newKiosk() {
        return newKiosk(42);
    }

    private String newKiosk(long project) {
        long number = jdbc.queryForObject("select nextval('kiosk_numbers')", Long.class);
        jdbc.update("insert into kiosks (kiosk_id, project_id, name) values (?, ?, ?)", Long.toString(number),
                project, "Kiosk " + number);
        return Long.toString(number);
    }

    private static KioskHeartbeatReceived beat(String kiosk, Instant at) {
        return new KioskHeartbeatReceived(kiosk, 42, at, "3.4.1", 87, "wifi", 3);
    }
}
