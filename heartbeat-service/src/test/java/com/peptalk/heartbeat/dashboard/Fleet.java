package com.peptalk.heartbeat.dashboard;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Kiosks with a given history, written straight into the tables (as the state machine leaves them), in a project of
 * their own so tests never see each other's kiosks.
 */
record Fleet(JdbcTemplate jdbc, long projectId) {

    static Fleet ofNewProject(JdbcTemplate jdbc) {
        return new Fleet(jdbc, ThreadLocalRandom.current().nextLong(1_000_000, 900_000_000_000L));
    }

    /** A kiosk registered at {@code registered}, never heard from. */
    String neverReported(String name, Instant registered) {
        String id = Long.toString(jdbc.queryForObject("select nextval('kiosk_numbers')", Long.class));
        jdbc.update("""
                insert into kiosks (kiosk_id, project_id, name, status, status_since, registered_at)
                values (?, ?, ?, 'NEW', ?, ?)
                """, id, projectId, name, Timestamp.from(registered), Timestamp.from(registered));
        return id;
    }

    /**
     * A kiosk whose history is the given flips: {@code at[i]} is when it moved to {@code statuses[i]} (the first from
     * NEW); it was last seen at {@code lastSeen} and counted {@code heartbeats} in that hour.
     */
    String withHistory(String name, Instant lastSeen, Instant[] at, String... statuses) {
        String id = neverReported(name, at[0].minusSeconds(60));
        String previous = "NEW";
        for (int i = 0; i < statuses.length; i++) {
            jdbc.update("""
                    insert into kiosk_status_flips (kiosk_id, project_id, from_status, to_status, flipped_at, last_seen_at)
                    values (?, ?, ?, ?, ?, ?)
                    """, id, projectId, previous, statuses[i], Timestamp.from(at[i]), Timestamp.from(lastSeen));
            previous = statuses[i];
        }
        jdbc.update("""
                update kiosks set status = ?, status_since = ?, last_seen_at = ?, app_version = '3.4.1',
                                  battery_percent = 76, network = 'wifi', signal_bars = 3
                where kiosk_id = ?
                """, previous, Timestamp.from(at[at.length - 1]), Timestamp.from(lastSeen), id);
        jdbc.update("""
                insert into heartbeat_rollups (kiosk_id, hour, heartbeats) values (?, date_trunc('hour', ?::timestamptz, 'UTC'), 42)
                """, id, Timestamp.from(lastSeen));
        return id;
    }
}
