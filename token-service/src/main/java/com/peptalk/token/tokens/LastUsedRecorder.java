package com.peptalk.token.tokens;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

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

    private final JdbcClient jdbc;
    private final Map<UUID, Instant> pending = new ConcurrentHashMap<>();

    LastUsedRecorder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(UUID tokenId, Instant at) {
        pending.merge(tokenId, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Writes what was gathered; returns how many tokens were updated. */
    int flush() {
        List<String> ids = new ArrayList<>();
        List<String> times = new ArrayList<>();
        for (UUID id : List.copyOf(pending.keySet())) {
            Instant at = pending.remove(id);
            if (at != null) {
                ids.add(id.toString());
                times.add(at.toString());
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        try {
            // Plain SQL: one statement for the whole batch, and greatest() so an older use never overwrites a
            // newer one, which JPA would do one token (and one read) at a time.
            jdbc.sql("""
                    update api_tokens t set last_used_at = greatest(coalesce(t.last_used_at, u.at), u.at)
                    from unnest(cast(? as uuid[]), cast(? as timestamptz[])) as u (id, at)
                    where t.id = u.id
                    """).params(ids.toArray(String[]::new), times.toArray(String[]::new))
                    .update();
        }
        catch (RuntimeException ex) {
            // keep them for the next round
            for (int i = 0; i < ids.size(); i++) {
                record(UUID.fromString(ids.get(i)), Instant.parse(times.get(i)));
            }
            throw ex;
        }
        return ids.size();
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

    /** The last round, before the database connection goes (this bean is destroyed before the JdbcClient and its data source). */
    @PreDestroy
    void flushAtShutdown() {
        flushOnSchedule();
    }
}
