package com.peptalk.testsupport;

import com.peptalk.events.EventEnvelope;
import com.peptalk.events.ReceivedEvent;
import com.peptalk.events.Topics;
import com.peptalk.events.directory.CompanyUpserted;
import com.peptalk.events.runtime.EventOutbox;
import com.peptalk.testsupport.app.InfrastructureTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The transactional outbox against the real database and broker. */
@SpringBootTest(classes = InfrastructureTestApplication.class)
@EmbeddedInfrastructure
class OutboxTests {

    @Autowired
    EventOutbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aCommittedEventIsPublishedWithTheEnvelopeStoredAtWriteTime() {
        long company = ThreadLocalRandom.current().nextLong(1, 1_000_000_000);
        try (EventProbe probe = EventProbe.listen(Topics.DIRECTORY)) {
            EventEnvelope stored = new TransactionTemplate(transactionManager)
                    .execute(status -> outbox.append(new CompanyUpserted(company, "Acme", "active")));

            ReceivedEvent received = probe.awaitEvent(e -> e.envelope().id().equals(stored.id()),
                    Duration.ofSeconds(30));

            assertThat(received.envelope()).isEqualTo(stored);
            assertThat(received.event()).isEqualTo(new CompanyUpserted(company, "Acme", "active"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                    "select published_at is not null from event_outbox where event_id = ?", Boolean.class,
                    stored.id())).isTrue());
        }
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        long company = ThreadLocalRandom.current().nextLong(1, 1_000_000_000);
        try (EventProbe probe = EventProbe.listen(Topics.DIRECTORY)) {
            assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                outbox.append(new CompanyUpserted(company, "Rolled back", "active"));
                throw new IllegalStateException("the change failed");
            })).hasMessage("the change failed");
            EventEnvelope marker = new TransactionTemplate(transactionManager)
                    .execute(status -> outbox.append(new CompanyUpserted(company, "After", "active")));

            probe.awaitEvent(e -> e.envelope().id().equals(marker.id()), Duration.ofSeconds(30));

            assertThat(probe.seen()).extracting(r -> new String(r.value()))
                    .noneMatch(body -> body.contains("Rolled back"));
        }
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.append(new CompanyUpserted(1, "Acme", "active")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("transaction");
    }
}
