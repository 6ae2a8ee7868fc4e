package com.peptalk.token.tokens;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps {@code last_used_at} without a write per introspection: uses are gathered in memory and written in one
 * batch every {@code peptalk.tokens.last-used-flush-interval} (Spring's scheduler) and when the service stops.
 * Introspection stays a single read, and its timing does not depend on whether the token exists. Unlike the event
 * runtime's tasks it takes no ShedLock lock: each replica holds its own uses in memory and must write them itself.
 */
@Component
class LastUsedRecorder {

    private static final Logger log = LoggerFactory.getLogger(LastUsedRecorder.class);

    private final JdbcTemplate jdbc;
    private final Map<UUID, Instant> pending = new ConcurrentHashMap<>();

    LastUsedRecorder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(UUID tokenId, Instant at) {
        pending.merge(tokenId, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Writes what was gathered; returns how many tokens were updated. */
    int flush() {
        List<Object[]> batch = new ArrayList<>();
        for (UUID id : List.copyOf(pending.keySet())) {
            Instant at = pending.remove(id);
            if (at != null) {
                batch.add(new Object[] { Timestamp.from(at), Timestamp.from(at), id });
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            jdbc.batchUpdate("""
                    update api_tokens set last_used_at = greatest(coalesce(last_used_at, ?), ?) where id = ?
                    """, batch);
        }
        catch (RuntimeException ex) {
            // keep them for the next round
            batch.forEach(row -> record((UUID) row[2], ((Timestamp) row[0]).toInstant()));
            throw ex;
        }
        return batch.size();
    }

    /** A fixed delay: rounds never overlap, and a slow database only makes them rarer. */
    @Scheduled(fixedDelayString = "${peptalk.tokens.last-used-flush-interval:"
            + TokenProperties.DEFAULT_LAST_USED_FLUSH_INTERVAL + "}",
            initialDelayString = "${peptalk.tokens.last-used-flush-interval:"
                    + TokenProperties.DEFAULT_LAST_USED_FLUSH_INTERVAL + "}")
    void flushOnSchedule() {
        try {
            flush();
        }
        catch (RuntimeException ex) {
            log.warn("could not write token last-used times, will retry: {}", ex.toString());
        }
    }

    /** The last round, before the database connection goes (this bean is destroyed before the JdbcTemplate). */
    @PreDestroy
    void flushAtShutdown() {
        flushOnSchedule();
    }
}
