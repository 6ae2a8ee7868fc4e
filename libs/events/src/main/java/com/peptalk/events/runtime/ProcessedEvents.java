package com.peptalk.events.runtime;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

/**
 * The consumer side of exactly-once effects: a row per ({@code consumer}, {@code ce_id}) in the service's own
 * {@code processed_events} table. Claiming an id in the same transaction as the handler's writes makes a
 * redelivered event a no-op, and a failed handler leaves the id unclaimed for the retry.
 */
public class ProcessedEvents {

    private final JdbcTemplate jdbc;

    public ProcessedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims an event id for a consumer; false when that consumer has already processed it. */
    public boolean claim(String consumer, UUID eventId) {
        return jdbc.update("""
                insert into processed_events (consumer, event_id, processed_at)
                values (?, ?, now())
                on conflict (consumer, event_id) do nothing
                """, consumer, eventId) == 1;
    }
}
