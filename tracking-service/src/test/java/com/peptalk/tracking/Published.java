package com.peptalk.tracking;

import com.peptalk.events.DomainEvent;
import com.peptalk.events.ReceivedEvent;
import com.peptalk.events.Topics;
import com.peptalk.testsupport.EventProbe;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** What tracking-service published: read back from the broker, or counted in its outbox (the one way it publishes). */
final class Published {

    static final Duration WAIT = Duration.ofSeconds(30);

    /** The first event on {@code topic} of {@code type} with this record key that matches, waiting at most {@link #WAIT}. */
    static <T extends DomainEvent> T awaitEvent(String topic, String key, Class<T> type, Predicate<T> matching) {
        try (EventProbe probe = EventProbe.listen(topic)) {
            ReceivedEvent received = probe.awaitEvent(event -> type.isInstance(event.event())
                    && key.equals(event.envelope().subject()) && matching.test(type.cast(event.event())), WAIT);
            return type.cast(received.event());
        }
    }

    static <T extends DomainEvent> T awaitStatusEvent(String key, Class<T> type, Predicate<T> matching) {
        return awaitEvent(Topics.STATUS_EVENTS, key, type, matching);
    }

    /** The payloads (JSON) of every event ever written to the outbox for this aggregate. */
    static List<String> outboxed(JdbcTemplate jdbc, String aggregateId) {
        return jdbc.queryForList("select payload::text from event_outbox where aggregate_id = ? order by seq", String.class, aggregateId);
    }

    /** The outcome and status the webhook log holds for the newest request whose stored payload contains {@code marker}. */
    static List<String> logged(JdbcTemplate jdbc, String marker) {
        return jdbc.queryForList("select response_status || ' ' || outcome from webhook_log where payload like ? order by received_at",
                String.class, "%" + marker + "%");
    }

    private Published() {
    }
}
