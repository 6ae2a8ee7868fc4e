package com.peptalk.events.runtime;

import com.peptalk.events.DomainEvent;
import com.peptalk.events.EventCodec;
import com.peptalk.events.EventEnvelope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;

/**
 * The producer side of "change the database and publish, atomically": an event is written to the service's
 * {@code event_outbox} table in the caller's transaction, and {@link OutboxRelay} publishes it after commit. A
 * rolled-back change publishes nothing; a crash after commit publishes late, never never.
 */
public class EventOutbox {

    private final JdbcTemplate jdbc;
    private final EventCodec codec;

    public EventOutbox(JdbcTemplate jdbc, EventCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    /** Stores an event for publication; must run inside the transaction that makes the change it reports. */
    public EventEnvelope append(DomainEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the outbox must be written in the transaction that changes the data");
        }
        EventEnvelope envelope = codec.envelopeFor(event);
        jdbc.update("""
                insert into event_outbox (event_id, event_type, aggregate_id, source, occurred_at, payload)
                values (?, ?, ?, ?, ?, ?::jsonb)
                """, envelope.id(), envelope.type(), envelope.subject(), envelope.source().toString(),
                Timestamp.from(envelope.time()), new String(EventCodec.toJson(event), StandardCharsets.UTF_8));
        return envelope;
    }
}
