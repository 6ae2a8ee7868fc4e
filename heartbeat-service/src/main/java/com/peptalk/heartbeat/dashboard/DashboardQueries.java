package com.peptalk.heartbeat.dashboard;

import com.peptalk.events.kiosk.KioskStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's and the operators' questions, answered in SQL over the kiosks, their flips and hourly rollups.
 * Plain SQL, not JPA: these are aggregates over the whole fleet (100,000 kiosks and more), counted and ranked by the
 * database. Uptime is derived from the flips: a kiosk is down while OFFLINE, and its monitored time starts when it
 * was first heard from (a NEW kiosk has no uptime yet).
 */
@Service
@Transactional(readOnly = true)
public class DashboardQueries {

    private static final String KIOSK_COLUMNS = """
            k.kiosk_id, k.project_id, coalesce(k.name, k.kiosk_id), k.status, k.status_since, k.last_seen_at,
            k.app_version, k.battery_percent, k.network, k.signal_bars
            """;

    /**
     * The OFFLINE spells of the selected kiosks that overlap {@code [:start, :end)} and each kiosk's first flip (when
     * monitoring began). {@code %s} selects the kiosks (a where clause on {@code kiosk_status_flips f}).
     */
    private static final String SPELLS = """
            with f as (
                select f.kiosk_id, f.project_id, f.to_status, f.flipped_at,
                       lead(f.flipped_at) over (partition by f.kiosk_id order by f.flipped_at, f.id) as until,
                       min(f.flipped_at) over (partition by f.kiosk_id) as first_flip
                from kiosk_status_flips f where %s
            )
            """;

    private final JdbcClient jdbc;

    DashboardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Kiosks by status overall and per project, projects with the most kiosks down first. */
    public StatusCounts counts(Optional<Long> projectId) {
        Map<KioskStatus, Long> overall = StatusCounts.zeros();
        Map<Long, Map<KioskStatus, Long>> byProject = new LinkedHashMap<>();
        jdbc.sql("""
                select project_id, status, count(*) from kiosks
                where (cast(:project as bigint) is null or project_id = :project)
                group by project_id, status
                """).param("project", projectId.orElse(null)).query(rs -> {
            KioskStatus status = KioskStatus.valueOf(rs.getString(2));
            long count = rs.getLong(3);
            overall.merge(status, count, Long::sum);
            byProject.computeIfAbsent(rs.getLong(1), id -> StatusCounts.zeros()).merge(status, count, Long::sum);
        });
        List<StatusCounts.ProjectCounts> projects = byProject.entrySet().stream()
                .map(entry -> new StatusCounts.ProjectCounts(entry.getKey(), entry.getValue(),
                        entry.getValue().values().stream().mapToLong(Long::longValue).sum()))
                .sorted(Comparator.comparing((StatusCounts.ProjectCounts p) -> -p.counts().get(KioskStatus.OFFLINE))
                        .thenComparing(StatusCounts.ProjectCounts::projectId))
                .toList();
        return new StatusCounts(overall, projects);
    }

    /** A page of kiosks by filter, the ones down longest first, each with its uptime. */
    public KioskPage kiosks(KioskFilter filter, Instant now) {
        Map<String, Object> params = new HashMap<>();
        params.put("project", filter.projectId());
        params.put("status", filter.status() == null ? null : filter.status().name());
        params.put("q", filter.search() == null ? null : "%" + escapeLike(filter.search().strip().toLowerCase()) + "%");
        params.put("exact", filter.search() == null ? null : filter.search().strip());
        String where = """
                where (cast(:project as bigint) is null or k.project_id = :project)
                  and (cast(:status as text) is null or k.status = :status)
                  and (cast(:q as text) is null or lower(k.name) like :q or k.kiosk_id = :exact)
                """;
        long total = jdbc.sql("select count(*) from kiosks k " + where).params(params).query(Long.class).single();
        params.put("limit", filter.limit());
        params.put("offset", filter.offset());
        List<KioskRow> rows = jdbc.sql("select " + KIOSK_COLUMNS + " from kiosks k " + where + """
                order by case k.status when 'OFFLINE' then 0 when 'LATE' then 1 when 'NEW' then 2
                                       when 'PAUSED' then 3 else 4 end, k.status_since, k.kiosk_id
                limit :limit offset :offset
                """).params(params).query(DashboardQueries::kioskRow).list();
        return new KioskPage(withUptime(rows, now), total, filter.limit(), filter.offset());
    }

    /** One kiosk with its latest flips and its last 24 hours; empty if unknown. */
    public Optional<KioskDetail> kiosk(String kioskId, Instant now) {
        if (kioskId.length() > 64 || kioskId.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        Optional<KioskRow> row = jdbc.sql("select " + KIOSK_COLUMNS + " from kiosks k where k.kiosk_id = ?")
                .param(kioskId).query(DashboardQueries::kioskRow).optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<Flip> flips = jdbc.sql("""
                select kiosk_id, from_status, to_status, flipped_at, last_seen_at from kiosk_status_flips
                where kiosk_id = ? order by flipped_at desc, id desc limit 50
                """).param(kioskId).query((rs, i) -> new Flip(rs.getString(1), status(rs.getString(2)),
                KioskStatus.valueOf(rs.getString(3)), instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5))))
                .list();
        Instant firstHour = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(23));
        Map<Instant, Integer> counts = new HashMap<>();
        jdbc.sql("select hour, heartbeats from heartbeat_rollups where kiosk_id = ? and hour >= ?")
                .params(kioskId, Timestamp.from(firstHour))
                .query(rs -> {
                    counts.put(rs.getTimestamp(1).toInstant(), rs.getInt(2));
                });
        List<KioskDetail.HourCount> hours = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Instant hour = firstHour.plus(Duration.ofHours(i));
            hours.add(new KioskDetail.HourCount(hour, counts.getOrDefault(hour, 0)));
        }
        return Optional.of(new KioskDetail(withUptime(List.of(row.get()), now).getFirst(), flips, hours,
                spells(kioskId, now.minus(Duration.ofHours(24)), now)));
    }

    /** Kiosks down now, down longest first, with since when. */
    public List<Outage> downNow(Optional<Long> projectId, int limit, Instant now) {
        return jdbc.sql("""
                select kiosk_id, project_id, coalesce(name, kiosk_id), status_since, last_seen_at from kiosks
                where status = 'OFFLINE' and (cast(:project as bigint) is null or project_id = :project)
                order by status_since, kiosk_id limit :limit
                """).param("project", projectId.orElse(null)).param("limit", limit)
                .query((rs, i) -> new Outage(rs.getString(1), rs.getLong(2), rs.getString(3),
                        instant(rs.getTimestamp(4)), null,
                        Duration.between(instant(rs.getTimestamp(4)), now).toMinutes(), instant(rs.getTimestamp(5))))
                .list();
    }

    /** Down spells of at least {@code minutes} that overlap {@code [from, to)}, longest first. */
    public List<Outage> downLongerThan(long minutes, Instant from, Instant to, Optional<Long> projectId, int limit) {
        return jdbc.sql(SPELLS.formatted("(cast(:project as bigint) is null or f.project_id = :project)") + """
                select f.kiosk_id, f.project_id, coalesce(k.name, f.kiosk_id), f.flipped_at, f.until,
                       extract(epoch from coalesce(f.until, :to) - f.flipped_at) / 60 as minutes, k.last_seen_at
                from f join kiosks k on k.kiosk_id = f.kiosk_id
                where f.to_status = 'OFFLINE' and f.flipped_at < :to and coalesce(f.until, :to) > :from
                  and coalesce(f.until, :to) - f.flipped_at >= make_interval(mins => :minutes)
                order by minutes desc, f.kiosk_id limit :limit
                """).param("project", projectId.orElse(null)).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to)).param("minutes", (int) minutes).param("limit", limit)
                .query((rs, i) -> new Outage(rs.getString(1), rs.getLong(2), rs.getString(3),
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), (long) rs.getDouble(6),
                        instant(rs.getTimestamp(7))))
                .list();
    }

    /** Uptime per project over the last {@code window}, worst first. */
    public List<ProjectUptime> uptimeByProject(Duration window, Instant now) {
        Instant start = now.minus(window);
        return jdbc.sql(SPELLS.formatted("true") + """
                , down as (
                    select kiosk_id, sum(extract(epoch from least(coalesce(until, :now), :now)
                                                             - greatest(flipped_at, :start))) as seconds
                    from f where to_status = 'OFFLINE' and coalesce(until, :now) > :start and flipped_at < :now
                    group by kiosk_id
                ), monitored as (
                    select distinct kiosk_id, project_id,
                           extract(epoch from cast(:now as timestamptz) - greatest(first_flip, :start)) as seconds
                    from f where first_flip < :now
                )
                select k.project_id, count(*) as kiosks, sum(m.seconds) as monitored,
                       coalesce(sum(d.seconds), 0) as down
                from kiosks k join monitored m on m.kiosk_id = k.kiosk_id
                left join down d on d.kiosk_id = k.kiosk_id
                group by k.project_id
                order by case when sum(m.seconds) > 0 then coalesce(sum(d.seconds), 0) / sum(m.seconds) else 0 end desc,
                         k.project_id
                """).param("now", Timestamp.from(now)).param("start", Timestamp.from(start))
                .query((rs, i) -> new ProjectUptime(rs.getLong(1), rs.getLong(2),
                        percentUp(rs.getDouble(3), rs.getDouble(4)), Math.round(rs.getDouble(4) / 60)))
                .list();
    }

    /** Registered kiosks never heard from, longest registered first. */
    public List<KioskRow> neverReported(Optional<Long> projectId, int limit) {
        return jdbc.sql("select " + KIOSK_COLUMNS + """
                from kiosks k where k.last_seen_at is null
                  and (cast(:project as bigint) is null or k.project_id = :project)
                order by k.registered_at, k.kiosk_id limit :limit
                """).param("project", projectId.orElse(null)).param("limit", limit)
                .query(DashboardQueries::kioskRow).list();
    }

    private List<KioskRow> withUptime(List<KioskRow> rows, Instant now) {
        if (rows.isEmpty()) {
            return rows;
        }
        List<String> ids = rows.stream().map(KioskRow::kioskId).toList();
        Map<String, double[]> percents = new HashMap<>();
        Duration[] windows = { Duration.ofHours(24), Duration.ofDays(7), Duration.ofDays(30) };
        for (int w = 0; w < windows.length; w++) {
            int index = w;
            Instant start = now.minus(windows[w]);
            jdbc.sql(SPELLS.formatted("f.kiosk_id in (:ids)") + """
                    select kiosk_id,
                           extract(epoch from cast(:now as timestamptz) - greatest(min(first_flip), :start)) as monitored,
                           coalesce(sum(extract(epoch from least(coalesce(until, :now), :now) - greatest(flipped_at, :start)))
                                    filter (where to_status = 'OFFLINE' and coalesce(until, :now) > :start), 0) as down
                    from f where first_flip < :now group by kiosk_id
                    """).param("ids", ids).param("now", Timestamp.from(now)).param("start", Timestamp.from(start))
                    .query(rs -> {
                        percents.computeIfAbsent(rs.getString(1), id -> new double[] { -1, -1, -1 })[index] =
                                percentUpOrMissing(rs.getDouble(2), rs.getDouble(3));
                    });
        }
        return rows.stream().map(row -> {
            double[] p = percents.get(row.kioskId());
            return row.withUptime(p == null ? new KioskRow.Uptime(null, null, null)
                    : new KioskRow.Uptime(orNull(p[0]), orNull(p[1]), orNull(p[2])));
        }).toList();
    }

    private List<KioskDetail.Spell> spells(String kioskId, Instant start, Instant now) {
        return jdbc.sql("""
                with f as (
                    select to_status, flipped_at,
                           lead(flipped_at) over (order by flipped_at, id) as until
                    from kiosk_status_flips where kiosk_id = :kiosk
                )
                select to_status, greatest(flipped_at, :start), coalesce(until, :now) from f
                where coalesce(until, :now) > :start order by flipped_at
                """).param("kiosk", kioskId).param("start", Timestamp.from(start)).param("now", Timestamp.from(now))
                .query((rs, i) -> new KioskDetail.Spell(rs.getString(1), instant(rs.getTimestamp(2)),
                        instant(rs.getTimestamp(3))))
                .list();
    }

    private static double percentUpOrMissing(double monitored, double down) {
        return monitored <= 0 ? -1 : Math.max(0, Math.min(100, 100 * (1 - down / monitored)));
    }

    private static Double percentUp(double monitored, double down) {
        double percent = percentUpOrMissing(monitored, down);
        return percent < 0 ? null : Math.round(percent * 100) / 100.0;
    }

    private static Double orNull(double percent) {
        return percent < 0 ? null : Math.round(percent * 100) / 100.0;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static KioskRow kioskRow(ResultSet rs, int i) throws SQLException {
        return new KioskRow(rs.getString(1), rs.getLong(2), rs.getString(3), KioskStatus.valueOf(rs.getString(4)),
                instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), rs.getString(7),
                (Integer) rs.getObject(8), rs.getString(9), (Integer) rs.getObject(10), null);
    }

    private static KioskStatus status(String name) {
        return name == null ? null : KioskStatus.valueOf(name);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
