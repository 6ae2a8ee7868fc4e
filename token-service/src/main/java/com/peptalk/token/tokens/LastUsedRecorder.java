package com.peptalk.token.tokens;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps {@code last_used_at} without a write per introspection: uses are gathered in memory and written in one
 * batch every flush interval (and at shutdown). Introspection stays a single read, and its timing does not
 * depend on whether the token exists.
 */
@Component
class LastUsedRecorder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LastUsedRecorder.class);

    private final JdbcTemplate jdbc;
    private final long flushMillis;
    private final Map<UUID, Instant> pending = new ConcurrentHashMap<>();
    private ScheduledExecutorService executor;
    private volatile boolean running;

    LastUsedRecorder(JdbcTemplate jdbc, TokenProperties properties) {
        this.jdbc = jdbc;
        this.flushMillis = properties.lastUsedFlushInterval().toMillis();
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
        if (!batch.isEmpty()) {
            jdbc.batchUpdate("""
                    update api_tokens set last_used_at = greatest(coalesce(last_used_at, ?), ?) where id = ?
                    """, batch);
        }
        return batch.size();
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("token-last-used").daemon()
                .factory());
        executor.scheduleWithFixedDelay(() -> {
            try {
                flush();
            }
            catch (RuntimeException ex) {
                log.warn("could not write token last-used times, will retry: {}", ex.toString());
            }
        }, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        executor.shutdown();
        flush();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
