package com.peptalk.events.runtime;

import com.peptalk.events.DomainEvent;
import com.peptalk.events.EventCatalog;
import com.peptalk.events.EventCodec;
import com.peptalk.events.EventEnvelope;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows in the order they were written, with the envelope stored at write time (so a re-send
 * keeps its {@code ce_id} and consumers drop the duplicate). A row is marked published only after the broker
 * acknowledged it; if Kafka is down, the batch is retried on the next round.
 *
 * <p>Spring's scheduler runs a round every {@code peptalk.events.outbox.poll-interval} (after the previous one
 * ended), and ShedLock lets one replica at a time run it. Each batch also takes a transaction-scoped advisory
 * lock: ShedLock's lock is a lease that expires ({@link #LOCK_AT_MOST_FOR}), and one aggregate's events must
 * never be published by two replicas at once, out of order, even should a round outlive its lease.
 */
public class OutboxRelay {

    /** The ShedLock name of the relay. */
    public static final String LOCK = "peptalk-outbox-relay";
    /** Longer than a round can take ({@link #ROUND_LIMIT} plus one batch's send timeout, at most 30 s). */
    static final String LOCK_AT_MOST_FOR = "PT2M";
    /** A round with a backlog stops after this long, so it ends well within its lease; the next goes on. */
    static final Duration ROUND_LIMIT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Arbitrary, fixed: the advisory lock that keeps batches of two replicas apart. */
    private static final long RELAY_LOCK = 0x7065707461_6c6bL;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventPublisher publisher;
    private final EventsProperties.Outbox settings;
    private final Clock clock;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, EventPublisher publisher,
            EventsProperties.Outbox settings, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.publisher = publisher;
        this.settings = settings;
        this.clock = clock;
    }

    /** One round: batches until the outbox has no full batch left (or the round limit is reached). */
    @Scheduled(fixedDelayString = "${peptalk.events.outbox.poll-interval:"
            + EventsProperties.Outbox.DEFAULT_POLL_INTERVAL + "}")
    @SchedulerLock(name = LOCK, lockAtMostFor = LOCK_AT_MOST_FOR)
    public void relay() {
        Instant began = clock.instant();
        try {
            while (relayBatch() == settings.batchSize()
                    && Duration.between(began, clock.instant()).compareTo(ROUND_LIMIT) < 0) {
                // a full batch: more are waiting, go on at once
            }
        }
        catch (RuntimeException ex) {
            log.warn("outbox relay failed, will retry: {}", ex.toString());
        }
    }

    /** Publishes one batch; returns how many rows were published (0 when another replica holds the lock). */
    public int relayBatch() {
        Integer published = transactions.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class,
                    RELAY_LOCK))) {
                return 0;
            }
            List<OutboxRow> rows = jdbc.query("""
                    select seq, event_id, event_type, source, occurred_at, aggregate_id, payload::text
                    from event_outbox where published_at is null order by seq limit ?
                    """, (rs, i) -> new OutboxRow(rs.getLong(1), rs.getObject(2, UUID.class),
                    rs.getString(3), rs.getString(4), rs.getTimestamp(5), rs.getString(6), rs.getString(7)),
                    settings.batchSize());
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<EventEnvelope>> sends = rows.stream().map(this::send).toList();
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .orTimeout(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS).join();
            jdbc.update("update event_outbox set published_at = ? where seq between ? and ? and published_at is null",
                    Timestamp.from(clock.instant()), rows.getFirst().seq(), rows.getLast().seq());
            return rows.size();
        });
        return published == null ? 0 : published;
    }

    private CompletableFuture<EventEnvelope> send(OutboxRow row) {
        EventCatalog.EventType type = EventCatalog.byName(row.type())
                .orElseThrow(() -> new IllegalStateException("outbox row " + row.seq() + " has unknown type " + row.type()));
        DomainEvent event = EventCodec.fromJson(row.payload().getBytes(StandardCharsets.UTF_8), type.eventClass());
        EventEnvelope envelope = new EventEnvelope(row.eventId(), row.type(), URI.create(row.source()),
                row.occurredAt().toInstant(), row.subject(), EventEnvelope.SPEC_VERSION);
        return publisher.publish(envelope, event);
    }

    private record OutboxRow(long seq, UUID eventId, String type, String source, Timestamp occurredAt,
            String subject, String payload) {
    }
}
