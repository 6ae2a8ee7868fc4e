package com.peptalk.events.support;

import com.peptalk.events.DomainEvent;
import com.peptalk.events.EventCatalog;
import com.peptalk.events.EventCodec;
import com.peptalk.events.EventEnvelope;
import com.peptalk.events.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows in the order they were written, with the envelope stored at write time (so a re-send
 * keeps its {@code ce_id} and consumers drop the duplicate). One replica relays at a time: each batch runs under
 * a transaction-scoped advisory lock, which keeps one aggregate's events in order across replicas. A row is
 * marked published only after the broker acknowledged it; if Kafka is down, the batch is retried later.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Arbitrary, fixed: the advisory lock that elects the relaying replica of a service. */
    private static final long RELAY_LOCK = 0x7065707461_6c6bL;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventPublisher publisher;
    private final EventsProperties.Outbox settings;
    private final Clock clock;
    private ScheduledExecutorService executor;
    private volatile boolean running;
    private long runs;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, EventPublisher publisher,
            EventsProperties.Outbox settings, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.publisher = publisher;
        this.settings = settings;
        this.clock = clock;
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
                    """, (rs, i) -> new OutboxRow(rs.getLong(1), rs.getObject(2, java.util.UUID.class),
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

    /** Deletes published rows older than the retention. */
    public int purge() {
        return jdbc.update("delete from event_outbox where published_at < ?",
                Timestamp.from(clock.instant().minus(settings.retention())));
    }

    private CompletableFuture<EventEnvelope> send(OutboxRow row) {
        EventCatalog.EventType type = EventCatalog.byName(row.type())
                .orElseThrow(() -> new IllegalStateException("outbox row " + row.seq() + " has unknown type " + row.type()));
        DomainEvent event = EventCodec.fromJson(row.payload().getBytes(StandardCharsets.UTF_8), type.eventClass());
        EventEnvelope envelope = new EventEnvelope(row.eventId(), row.type(), URI.create(row.source()),
                row.occurredAt().toInstant(), row.subject(), EventEnvelope.SPEC_VERSION);
        return publisher.publish(envelope, event);
    }

    private void tick() {
        try {
            while (running && relayBatch() == settings.batchSize()) {
                // a full batch: more are waiting, go on at once
            }
            if (++runs % 1000 == 0) {
                purge();
            }
        }
        catch (RuntimeException ex) {
            log.warn("outbox relay failed, will retry: {}", ex.toString());
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox-relay").daemon()
                .factory());
        running = true;
        executor.scheduleWithFixedDelay(this::tick, settings.pollInterval().toMillis(),
                settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        executor.shutdown();
        try {
            executor.awaitTermination(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the Kafka producer and the database pool go away. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    private record OutboxRow(long seq, java.util.UUID eventId, String type, String source, Timestamp occurredAt,
            String subject, String payload) {
    }
}
