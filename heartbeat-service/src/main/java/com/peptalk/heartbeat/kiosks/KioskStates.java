package com.peptalk.heartbeat.kiosks;

import com.peptalk.events.kiosk.KioskHeartbeatReceived;
import com.peptalk.events.kiosk.KioskStatus;
import com.peptalk.events.kiosk.KioskStatusChanged;
import com.peptalk.events.runtime.EventOutbox;
import com.peptalk.heartbeat.history.HeartbeatHistory;
import com.peptalk.heartbeat.history.HistoryProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Moves kiosks between statuses, healthchecks.io's model for a fleet: NEW (never heard from) → ONLINE (up) → LATE
 * (its period passed) → OFFLINE (period + grace passed), PAUSED (maintenance) in and out on an admin's word. Each
 * change is a flip, recorded in {@code kiosk_status_flips} and published on {@code kiosk.status-changes} through the
 * outbox, in the transaction that makes it.
 * <p>
 * Plain SQL, not the {@link Kiosk} entity: each move is a conditional update on the row held for update (a heartbeat
 * older than the last one never wins, the sweep skips rows a heartbeat holds), which JPA would spread over a load
 * and a blind write.
 */
@Service
class KioskStates {

    /** The kiosk's period and grace: its project's, else the defaults (as intervals). */
    private static final String SCHEDULE = """
            coalesce(ps.period, cast(:period as interval)) as period,
            coalesce(ps.grace, cast(:grace as interval)) as grace
            """;

    /** The same, in seconds, as the rows read here take them. */
    private static final String SCHEDULE_SECONDS = """
            extract(epoch from coalesce(ps.period, cast(:period as interval))) as period,
            extract(epoch from coalesce(ps.grace, cast(:grace as interval))) as grace
            """;

    private final JdbcClient jdbc;
    private final EventOutbox outbox;
    private final HeartbeatHistory history;
    private final HeartbeatProperties properties;
    private final HistoryProperties historyProperties;
    private final MeterRegistry meters;

    KioskStates(JdbcClient jdbc, EventOutbox outbox, HeartbeatHistory history, HeartbeatProperties properties,
            HistoryProperties historyProperties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.history = history;
        this.properties = properties;
        this.historyProperties = historyProperties;
        this.meters = meters;
    }

    /**
     * Applies one heartbeat at {@code now}, in the consumer's transaction: appends it to the history and, when it is
     * newer than the kiosk's last one, moves last seen and the last reported details forward and the status to what
     * the new last-seen time means now (a paused kiosk stays paused). An older or repeated heartbeat changes only
     * the history. A kiosk never registered is registered by its first heartbeat (nothing is lost).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void heartbeat(KioskHeartbeatReceived heartbeat, Instant now) {
        jdbc.sql("insert into kiosks (kiosk_id, project_id) values (?, ?) on conflict (kiosk_id) do nothing")
                .params(heartbeat.kioskId(), heartbeat.projectId()).update();
        Row row = jdbc.sql("""
                select k.kiosk_id, k.project_id, k.status, k.last_seen_at, %s
                from kiosks k left join project_schedules ps on ps.project_id = k.project_id
                where k.kiosk_id = :kiosk for update of k
                """.formatted(SCHEDULE_SECONDS)).param("kiosk", heartbeat.kioskId()).params(schedule())
                .query(KioskStates::row).single();
        history.record(heartbeat, now, now.minus(historyProperties.rawRetention()));
        meters.counter("peptalk.heartbeats.ingested").increment();
        if (row.lastSeenAt() != null && !heartbeat.sentAt().isAfter(row.lastSeenAt())) {
            return;
        }
        KioskStatus next = row.status() == KioskStatus.PAUSED ? KioskStatus.PAUSED
                : statusOf(heartbeat.sentAt(), now, row.period(), row.grace());
        jdbc.sql("""
                update kiosks set last_seen_at = ?, app_version = ?, battery_percent = ?, network = ?,
                                  signal_bars = ?, status = ?,
                                  status_since = case when status = ? then status_since else ? end
                where kiosk_id = ?
                """).params(Timestamp.from(heartbeat.sentAt()), heartbeat.appVersion(), heartbeat.batteryPercent(),
                heartbeat.network(), heartbeat.signalBars(), next.name(), next.name(), Timestamp.from(now),
                heartbeat.kioskId()).update();
        if (next != row.status()) {
            flip(heartbeat.kioskId(), row.projectId(), row.status(), next, now, heartbeat.sentAt());
        }
    }

    /**
     * Moves ONLINE kiosks whose period has passed at {@code now} to LATE and ONLINE or LATE kiosks whose period and
     * grace have passed to OFFLINE, at most {@code sweep-batch} of them; returns how many moved (the sweep repeats
     * while a full batch moved). Rows a heartbeat holds are skipped: the heartbeat decides them.
     */
    @Transactional
    int sweep(Instant now) {
        List<Moved> moved = jdbc.sql("""
                with due as (
                    select k.kiosk_id, k.status as previous,
                           case when k.last_seen_at < cast(:now as timestamptz) - s.period - s.grace then 'OFFLINE'
                                else 'LATE' end as current
                    from kiosks k
                    left join project_schedules ps on ps.project_id = k.project_id
                    cross join lateral (select %s) s
                    where k.status in ('ONLINE', 'LATE')
                      and k.last_seen_at < cast(:now as timestamptz) - s.period
                      and (k.status = 'ONLINE' or k.last_seen_at < cast(:now as timestamptz) - s.period - s.grace)
                    order by k.last_seen_at
                    limit :batch
                    for update of k skip locked
                )
                update kiosks k set status = due.current, status_since = :now
                from due where k.kiosk_id = due.kiosk_id
                returning k.kiosk_id, k.project_id, due.previous, k.status, k.last_seen_at
                """.formatted(SCHEDULE)).params(schedule()).param("now", Timestamp.from(now))
                .param("batch", properties.sweepBatch())
                .query((rs, i) -> new Moved(rs.getString(1), rs.getLong(2), KioskStatus.valueOf(rs.getString(3)),
                        KioskStatus.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant()))
                .list();
        moved.forEach(kiosk -> flip(kiosk.kioskId(), kiosk.projectId(), kiosk.previous(), kiosk.current(), now,
                kiosk.lastSeenAt()));
        return moved.size();
    }

    /** Maintenance: the kiosk raises no alert until resumed. */
    @Transactional
    void pause(String kioskId, Instant now) {
        Row row = lock(kioskId);
        if (row.status() == KioskStatus.PAUSED) {
            throw new KioskRefused(KioskRefused.Reason.ALREADY_PAUSED);
        }
        move(row, KioskStatus.PAUSED, now);
    }

    /** Back from maintenance, in the status its last heartbeat means now (NEW if it never sent one). */
    @Transactional
    void resume(String kioskId, Instant now) {
        Row row = lock(kioskId);
        if (row.status() != KioskStatus.PAUSED) {
            throw new KioskRefused(KioskRefused.Reason.NOT_PAUSED);
        }
        move(row, row.lastSeenAt() == null ? KioskStatus.NEW : statusOf(row.lastSeenAt(), now, row.period(),
                row.grace()), now);
    }

    /** Sets (or, with both empty, removes) a project's period and grace; the sweep applies them from its next run. */
    @Transactional
    void schedule(long projectId, Optional<Duration> period, Optional<Duration> grace) {
        if (period.isEmpty() && grace.isEmpty()) {
            jdbc.sql("delete from project_schedules where project_id = ?").param(projectId).update();
            return;
        }
        jdbc.sql("""
                insert into project_schedules (project_id, period, grace) values (?, cast(? as interval), cast(? as interval))
                on conflict (project_id) do update set period = excluded.period, grace = excluded.grace, updated_at = now()
                """).params(projectId, interval(period.orElse(properties.expectedInterval())),
                interval(grace.orElse(properties.grace()))).update();
    }

    /** ONLINE within the period, LATE within period + grace, OFFLINE after. */
    static KioskStatus statusOf(Instant lastSeen, Instant now, Duration period, Duration grace) {
        Duration silence = Duration.between(lastSeen, now);
        if (silence.compareTo(period) <= 0) {
            return KioskStatus.ONLINE;
        }
        return silence.compareTo(period.plus(grace)) <= 0 ? KioskStatus.LATE : KioskStatus.OFFLINE;
    }

    private void move(Row row, KioskStatus next, Instant now) {
        jdbc.sql("update kiosks set status = ?, status_since = ? where kiosk_id = ?")
                .params(next.name(), Timestamp.from(now), row.kioskId()).update();
        if (next != row.status()) {
            flip(row.kioskId(), row.projectId(), row.status(), next, now, row.lastSeenAt());
        }
    }

    private Row lock(String kioskId) {
        if (kioskId.length() > 64 || kioskId.chars().anyMatch(Character::isISOControl)) {
            throw new KioskRefused(KioskRefused.Reason.UNKNOWN_KIOSK);
        }
        return jdbc.sql("""
                select k.kiosk_id, k.project_id, k.status, k.last_seen_at, %s
                from kiosks k left join project_schedules ps on ps.project_id = k.project_id
                where k.kiosk_id = :kiosk for update of k
                """.formatted(SCHEDULE_SECONDS)).param("kiosk", kioskId).params(schedule()).query(KioskStates::row)
                .optional().orElseThrow(() -> new KioskRefused(KioskRefused.Reason.UNKNOWN_KIOSK));
    }

    private void flip(String kioskId, long projectId, KioskStatus from, KioskStatus to, Instant at, Instant lastSeen) {
        jdbc.sql("""
                insert into kiosk_status_flips (kiosk_id, project_id, from_status, to_status, flipped_at, last_seen_at)
                values (?, ?, ?, ?, ?, ?)
                """).params(kioskId, projectId, from.name(), to.name(), Timestamp.from(at),
                lastSeen == null ? null : Timestamp.from(lastSeen)).update();
        outbox.append(new KioskStatusChanged(kioskId, projectId, from, to, lastSeen));
        meters.counter("peptalk.kiosks.flips", "to", to.name().toLowerCase()).increment();
    }

    private java.util.Map<String, Object> schedule() {
        return java.util.Map.of("period", interval(properties.expectedInterval()), "grace",
                interval(properties.grace()));
    }

    /** An ISO-8601 duration PostgreSQL reads as an interval ({@code PT1M30S}). */
    private static String interval(Duration duration) {
        return duration.toString();
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        Timestamp lastSeen = rs.getTimestamp(4);
        return new Row(rs.getString(1), rs.getLong(2), KioskStatus.valueOf(rs.getString(3)),
                lastSeen == null ? null : lastSeen.toInstant(), duration(rs.getString(5)), duration(rs.getString(6)));
    }

    private static Duration duration(String seconds) {
        return Duration.ofMillis(new java.math.BigDecimal(seconds).movePointRight(3).longValue());
    }

    private record Row(String kioskId, long projectId, KioskStatus status, Instant lastSeenAt, Duration period,
            Duration grace) {
    }

    private record Moved(String kioskId, long projectId, KioskStatus previous, KioskStatus current,
            Instant lastSeenAt) {
    }
}
