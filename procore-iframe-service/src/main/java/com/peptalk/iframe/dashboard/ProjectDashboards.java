package com.peptalk.iframe.dashboard;

import com.peptalk.events.comms.Channel;
import com.peptalk.events.kiosk.KioskStatus;
import com.peptalk.iframe.dashboard.ProjectDashboard.ActiveWorkflow;
import com.peptalk.iframe.dashboard.ProjectDashboard.Failure;
import com.peptalk.iframe.dashboard.ProjectDashboard.Kiosk;
import com.peptalk.iframe.dashboard.ProjectDashboard.Run;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the iframe pages read: projects, and one project's dashboard. Only the local read model is asked.
 * Plain SQL (JdbcClient), not JPA: the dashboard is counts and joins over a read model, one query per panel.
 */
@Component
public class ProjectDashboards {

    static final int RECENT_FAILURES = 10;

    /** How many days the chart shows, today included. */
    public static final int CHART_DAYS = 30;

    /*
     * Per message and channel, the furthest stage reached (stages nest: opened implies delivered implies sent), then
     * the same across channels, where a message counts as failed only if no channel delivered it. The period of a
     * message is when it was requested, so the numbers of a period are those of one cohort of messages.
     */
    private static final String MESSAGE_NUMBERS = """
            with project_messages as (
                select message_id, requested_at >= :since7 as recent
                from messages
                where project_ids @> array[:project]::bigint[] and requested_at >= :since30
            ),
            per_channel as (
                select o.channel, m.message_id, m.recent,
                       bool_or(o.outcome in ('sent', 'delivered', 'opened', 'clicked')) as sent,
                       bool_or(o.outcome in ('delivered', 'opened', 'clicked')) as delivered,
                       bool_or(o.outcome = 'failed') as failed,
                       bool_or(o.outcome in ('opened', 'clicked')) as opened,
                       bool_or(o.outcome = 'clicked') as clicked
                from project_messages m join message_outcomes o on o.message_id = m.message_id
                group by o.channel, m.message_id, m.recent
            ),
            per_message as (
                select 'ALL' as channel, message_id, recent, bool_or(sent) as sent, bool_or(delivered) as delivered,
                       bool_or(failed) and not bool_or(delivered) as failed, bool_or(opened) as opened,
                       bool_or(clicked) as clicked
                from per_channel
                group by message_id, recent
            ),
            counted as (
                select * from per_channel
                union all
                select * from per_message
            )
            select channel,
                   count(*) filter (where recent and sent) as sent_7, count(*) filter (where recent and delivered) as delivered_7,
                   count(*) filter (where recent and failed) as failed_7, count(*) filter (where recent and opened) as opened_7,
                   count(*) filter (where recent and clicked) as clicked_7,
                   count(*) filter (where sent) as sent_30, count(*) filter (where delivered) as delivered_30,
                   count(*) filter (where failed) as failed_30, count(*) filter (where opened) as opened_30,
                   count(*) filter (where clicked) as clicked_30
            from counted
            group by channel
            """;

    private static final String ACTIVE_WORKFLOWS = """
            select w.workflow_id, w.name, r.finished_at, r.status, r.cause, r.messages
            from workflows w
            left join lateral (
                select finished_at, status, cause, messages from workflow_runs r
                where r.workflow_id = w.workflow_id and r.project_ids @> array[:project]::bigint[]
                order by finished_at desc, run_id
                limit 1
            ) r on true
            where w.status = 'active' and w.project_ids @> array[:project]::bigint[]
            order by lower(w.name), w.workflow_id
            """;

    private static final String RECENT_FAILURES_QUERY = """
            select f.occurred_at, f.channel, f.detail, fb.detail as fallback
            from message_outcomes f
            join messages m on m.message_id = f.message_id
            left join message_outcomes fb on fb.message_id = f.message_id and fb.channel = f.channel
                                          and fb.outcome = 'fallback'
            where f.outcome = 'failed' and m.project_ids @> array[:project]::bigint[]
            order by f.occurred_at desc, f.message_id
            limit :limit
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    ProjectDashboards(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A project that exists and is not deleted. */
    public Optional<ProjectSummary> project(long projectId) {
        return jdbc.sql("select project_id, name, time_zone from projects where project_id = ? and not deleted")
                .param(projectId).query(ProjectDashboards::project).optional();
    }

    /** The projects among {@code projectIds} that exist and are not deleted, by name. */
    public List<ProjectSummary> projects(Collection<Long> projectIds) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select project_id, name, time_zone from projects
                where project_id = any(:ids) and not deleted
                order by lower(name), project_id
                """).param("ids", projectIds.toArray(Long[]::new)).query(ProjectDashboards::project).list();
    }

    /** One consistent picture (one repeatable-read snapshot) of a project's numbers. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ProjectDashboard dashboard(ProjectSummary project) {
        Instant now = clock.instant();
        long id = project.projectId();
        return new ProjectDashboard(project, now, messages(id, now), workflows(id), kiosks(id), failures(id),
                daily(id, LocalDate.ofInstant(now, project.zone())));
    }

    private List<ChannelMetrics> messages(long projectId, Instant now) {
        Map<String, ChannelMetrics> byChannel = jdbc.sql(MESSAGE_NUMBERS).param("project", projectId)
                .param("since7", Timestamp.from(now.minus(Duration.ofDays(7))))
                .param("since30", Timestamp.from(now.minus(Duration.ofDays(30))))
                .query((rs, i) -> new ChannelMetrics(rs.getString("channel"), counts(rs, "_7"), counts(rs, "_30")))
                .list().stream().collect(Collectors.toMap(ChannelMetrics::channel, Function.identity()));
        List<ChannelMetrics> ordered = new ArrayList<>();
        for (String channel : List.of(ChannelMetrics.ALL, Channel.EMAIL.name(), Channel.SMS.name())) {
            ordered.add(byChannel.getOrDefault(channel,
                    new ChannelMetrics(channel, MessageCounts.NONE, MessageCounts.NONE)));
        }
        return ordered;
    }

    private List<ActiveWorkflow> workflows(long projectId) {
        return jdbc.sql(ACTIVE_WORKFLOWS).param("project", projectId).query((rs, i) -> new ActiveWorkflow(
                rs.getObject("workflow_id", UUID.class), rs.getString("name"),
                rs.getTimestamp("finished_at") == null ? null : new Run(rs.getTimestamp("finished_at").toInstant(),
                        rs.getString("status"), rs.getString("cause"), rs.getInt("messages")))).list();
    }

    private List<Kiosk> kiosks(long projectId) {
        Comparator<Kiosk> offlineFirst = Comparator.comparing((Kiosk kiosk) -> switch (kiosk.status()) {
            case OFFLINE -> 0;
            case LATE -> 1;
            case NEW -> 2;
            case ONLINE -> 3;
            case PAUSED -> 4;
        }).thenComparing(Kiosk::kioskId);
        return jdbc.sql("select kiosk_id, status, last_seen_at from kiosks where project_id = ?").param(projectId)
                .query((rs, i) -> new Kiosk(rs.getString("kiosk_id"), KioskStatus.valueOf(rs.getString("status")),
                        instant(rs.getTimestamp("last_seen_at")))).list().stream().sorted(offlineFirst).toList();
    }

    private List<Failure> failures(long projectId) {
        return jdbc.sql(RECENT_FAILURES_QUERY).param("project", projectId).param("limit", RECENT_FAILURES)
                .query((rs, i) -> new Failure(rs.getTimestamp("occurred_at").toInstant(),
                        Channel.valueOf(rs.getString("channel")), rs.getString("detail"),
                        rs.getString("fallback") == null ? null : Channel.valueOf(rs.getString("fallback")))).list();
    }

    /** The rollup's rows of the last {@link #CHART_DAYS} days up to {@code today}; a day without rows is all zeros. */
    private List<DailyMessages> daily(long projectId, LocalDate today) {
        LocalDate first = today.minusDays(CHART_DAYS - 1);
        Map<String, Map<LocalDate, Map<String, Long>>> rows = new HashMap<>();
        jdbc.sql("""
                select channel, day, outcome, messages from daily_message_outcomes
                where project_id = ? and day between ? and ?
                """).params(projectId, Date.valueOf(first), Date.valueOf(today)).query(rs -> {
                    rows.computeIfAbsent(rs.getString("channel"), channel -> new HashMap<>())
                            .computeIfAbsent(rs.getDate("day").toLocalDate(), day -> new HashMap<>())
                            .put(rs.getString("outcome"), rs.getLong("messages"));
                });
        List<DailyMessages> channels = new ArrayList<>();
        for (Channel channel : List.of(Channel.EMAIL, Channel.SMS)) {
            Map<LocalDate, Map<String, Long>> byDay = rows.getOrDefault(channel.name(), Map.of());
            channels.add(new DailyMessages(channel, first.datesUntil(today.plusDays(1)).map(day -> {
                Map<String, Long> outcomes = byDay.getOrDefault(day, Map.of());
                return new DailyMessages.Day(day, count(outcomes, Outcome.SENT), count(outcomes, Outcome.DELIVERED),
                        count(outcomes, Outcome.FAILED), count(outcomes, Outcome.SUPPRESSED),
                        count(outcomes, Outcome.OPENED), count(outcomes, Outcome.CLICKED));
            }).toList()));
        }
        return channels;
    }

    private static long count(Map<String, Long> outcomes, Outcome outcome) {
        return outcomes.getOrDefault(outcome.column(), 0L);
    }

    private static MessageCounts counts(ResultSet rs, String suffix) throws SQLException {
        return new MessageCounts(rs.getLong("sent" + suffix), rs.getLong("delivered" + suffix),
                rs.getLong("failed" + suffix), rs.getLong("opened" + suffix), rs.getLong("clicked" + suffix));
    }

    private static ProjectSummary project(ResultSet rs, int row) throws SQLException {
        return new ProjectSummary(rs.getLong("project_id"), rs.getString("name"), rs.getString("time_zone"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
