package com.peptalk.automation.runs;

import com.peptalk.automation.AutomationApi;
import com.peptalk.automation.Company;
import com.peptalk.automation.Directory;
import com.peptalk.events.Topics;
import com.peptalk.events.runtime.EventPublisher;
import com.peptalk.events.runtime.OutboxRelay;
import com.peptalk.testsupport.EventProbe;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The transactional outbox across a crash: the run commits (its messages are in the outbox) and the process dies before
 * the relay publishes; after the restart the relay publishes each message exactly once.
 * <p>
 * The "dead" process is the relay kept from running by its lock (ShedLock's row held as a crashed replica leaves it
 * until it expires); the "restart" is the lock coming free. What is proven is what matters downstream: nothing is lost
 * in between, and each {@code SendRequested} reaches the topic once. {@link OutboxCrashIT} kills a real process; this
 * one stays for the lease a dead replica leaves behind, which the surviving replicas wait out.
 */
@ServiceTest
class OutboxCrashTests {

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;
    @Autowired
    JdbcClient jdbc;

    @Test
    void messagesCommittedBeforeACrashArePublishedExactlyOnceAfterTheRestart() {
        AutomationApi api = new AutomationApi(port);
        Company company = new Company(api, new Directory(publisher, jdbc));
        long project = company.project("Harbor Tower", "America/Chicago");
        for (int i = 0; i < 3; i++) {
            company.contact("Site Manager " + i, "manager" + i + "@example.com", null, List.of(project), "site_manager");
        }
        long email = company.emailTemplate("crash-note", "Note", "<p>Note</p>");
        Map<String, Object> workflow = company.workflow("Crash note", "EMAIL", email, Company.eventProject("site_manager"));
        workflow.put("trigger", Map.of("type", "manual"));
        String workflowId = company.create(workflow);

        try (EventProbe probe = EventProbe.listen(Topics.SEND_REQUESTED)) {
            crashTheRelay();
            List<UUID> committed;
            try {
                AutomationApi.Response fired = api.post("/triggers", Map.of("triggerType", "manual", "projectId", project));
                assertThat(fired.status()).isEqualTo(201);
                committed = jdbc.sql("select event_id from event_outbox where published_at is null "
                        + "and event_type = 'com.peptalk.comms.send-requested.v1' and payload->>'workflowId' = ?")
                        .param(workflowId).query(UUID.class).list();
                assertThat(committed).hasSize(3);
            }
            finally {
                restartTheRelay();
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> published(probe, workflowId).size() == 3);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from event_outbox "
                    + "where published_at is null and payload->>'workflowId' = ?").param(workflowId).query(Long.class).single() == 0);
            assertThat(published(probe, workflowId)).hasSize(3).doesNotHaveDuplicates();
        }
    }

    /** As a replica that died holding the relay's lock leaves it: held until it expires. */
    private void crashTheRelay() {
        jdbc.sql("""
                insert into shedlock (name, lock_until, locked_at, locked_by)
                values (?, now() + interval '1 hour', now(), 'crashed-replica')
                on conflict (name) do update set lock_until = excluded.lock_until, locked_by = excluded.locked_by
                """).param(OutboxRelay.LOCK).update();
        // a relay round that began before the lock was taken may still be finishing; it publishes nothing of ours
    }

    private void restartTheRelay() {
        jdbc.sql("update shedlock set lock_until = now() where name = ?").param(OutboxRelay.LOCK).update();
    }

    /** The message ids of this workflow's SendRequested records read so far (after reading what has arrived). */
    private static List<UUID> published(EventProbe probe, String workflowId) {
        try {
            probe.awaitRecord(record -> false, Duration.ofMillis(300));
        }
        catch (AssertionError nothingMore) {
            // the probe read what had arrived; no record was expected to match
        }
        return probe.seen().stream().filter(record -> record.topic().equals(Topics.SEND_REQUESTED))
                .map(record -> new String(record.value(), java.nio.charset.StandardCharsets.UTF_8))
                .filter(json -> json.contains(workflowId))
                .map(json -> UUID.fromString(json.replaceAll(".*\"messageId\":\"([0-9a-f-]{36})\".*", "$1")))
                .toList();
    }
}
