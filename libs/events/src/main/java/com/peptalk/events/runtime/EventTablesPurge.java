package com.peptalk.events.runtime;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * Keeps the event runtime's tables from growing for ever: deletes {@code processed_events} rows older than
 * {@code peptalk.events.purge.processed-events-retention} and published {@code event_outbox} rows older than
 * {@code peptalk.events.purge.published-outbox-retention} (an unpublished row is never deleted). Runs every
 * {@code peptalk.events.purge.interval} (at a fixed rate) on one replica at a time (ShedLock), in batches of
 * {@code peptalk.events.purge.batch-size} rows, each its own short statement.
 */
public class EventTablesPurge {

    /** The ShedLock name of the purge. */
    public static final String LOCK = "peptalk-event-tables-purge";

    private static final Logger log = LoggerFactory.getLogger(EventTablesPurge.class);

    private final JdbcTemplate jdbc;
    private final EventsProperties.Purge settings;
    private final Clock clock;

    public EventTablesPurge(JdbcTemplate jdbc, EventsProperties.Purge settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * One round; returns how many rows were deleted (null when another replica holds the lock). At a fixed rate,
     * not a fixed delay: Spring's virtual-thread scheduler runs fixed-delay tasks (the relay) one after the other
     * on its own thread, fixed-rate ones each on a thread of their own, so a long purge never delays the relay.
     * The lock keeps two rounds from overlapping.
     */
    @Scheduled(fixedRateString = "${peptalk.events.purge.interval:" + EventsProperties.Purge.DEFAULT_INTERVAL + "}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT30M")
    public Purged purge() {
        Timestamp processedBefore = Timestamp.from(clock.instant().minus(settings.processedEventsRetention()));
        Timestamp publishedBefore = Timestamp.from(clock.instant().minus(settings.publishedOutboxRetention()));
        // ctid: processed_events has a composite key, and the physical row id is the cheapest handle on a batch
        long processed = inBatches("""
                delete from processed_events where ctid in
                  (select ctid from processed_events where processed_at < ? limit ?)
                """, processedBefore);
        long published = inBatches("""
                delete from event_outbox where seq in
                  (select seq from event_outbox where published_at < ? limit ?)
                """, publishedBefore);
        Purged purged = new Purged(processed, published);
        if (processed + published > 0) {
            log.info("purged {} processed event ids older than {} and {} published outbox rows older than {}",
                    processed, settings.processedEventsRetention(), published, settings.publishedOutboxRetention());
        }
        return purged;
    }

    private long inBatches(String delete, Timestamp before) {
        long total = 0;
        int deleted;
        do {
            deleted = jdbc.update(delete, before, settings.batchSize());
            total += deleted;
        }
        while (deleted == settings.batchSize());
        return total;
    }

    /** What one round deleted. */
    public record Purged(long processedEvents, long publishedOutboxRows) {
    }
}
