package com.peptalk.token.tokens;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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

    private final JdbcClient jdbc;
    private final long flushMillis;
    private final Map<UUID, Instant> pending = new ConcurrentHashMap<>();
    private ScheduledExecutorService executor;
    private volatile boolean running;

    LastUsedRecorder(JdbcClient jdbc, TokenProperties properties) {
        this.jdbc = jdbc;
        this.flushMillis = properties.lastUsedFlushInterval().toMillis();
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
        if (!ids.isEmpty()) {
            // Plain SQL: one statement for the whole batch, and greatest() so an older use never overwrites a
            // newer one, which JPA would do one token (and one read) at a time.
            jdbc.sql("""
                    update api_tokens t set last_used_at = greatest(coalesce(t.last_used_at, u.at), u.at)
                    from unnest(cast(? as uuid[]), cast(? as timestamptz[])) as u (id, at)
                    where t.id = u.id
                    """).params(ids.toArray(String[]::new), times.toArray(String[]::new))
                    .update();
        }
        return ids.size();
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
