package com.peptalk.iframe.dashboard;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps {@code daily_message_outcomes}, the rollup behind the dashboard's 30-day chart: per project, channel, day and
 * outcome, how many messages reached that outcome that day. The rollup is a function of the facts
 * ({@code messages}, {@code message_outcomes}): around each change of a message's facts it adds the difference
 * between what the message counted for before and after, so a duplicate adds nothing, an outcome that arrives before
 * its {@code SendRequested} is counted when the message's projects are known, and an earlier report of an outcome
 * moves the count to the earlier day. Days are the project's calendar days ({@link ProjectSummary#zoneOf}).
 * <p>
 * A message's change takes a shared advisory lock on each of its projects (keyed by the project id; this database
 * uses advisory locks for nothing else), a recount an exclusive one: a time zone changing while messages are counted
 * cannot leave rows on the old zone's days. Plain SQL (JdbcClient): upserts of counters and an aggregate over facts.
 */
@Component
class DailyOutcomes {

    private final JdbcClient jdbc;

    DailyOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One counter of the rollup; ordered, so that concurrent transactions update rows in the same order. */
    record Key(long projectId, String channel, LocalDate day, String outcome) implements Comparable<Key> {

        private static final Comparator<Key> ORDER = Comparator.comparingLong(Key::projectId)
                .thenComparing(Key::channel).thenComparing(Key::day).thenComparing(Key::outcome);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    /**
     * Runs {@code change} (which writes the facts of {@code messageId}) and adds the difference it makes to the
     * rollup, in the caller's transaction. {@code newProjects}: projects the change may give the message.
     */
    void counting(UUID messageId, Collection<Long> newProjects, Runnable change) {
        // in a subquery, so that the locks are taken in project order
        jdbc.sql("""
                select pg_advisory_xact_lock_shared(project_id) from (
                    select unnest(project_ids) as project_id from messages where message_id = :message
                    union
                    select unnest(cast(:projects as bigint[]))
                    order by project_id
                ) projects
                """).param("message", messageId).param("projects", newProjects.toArray(Long[]::new)).query()
                .listOfRows();
        Map<Key, Integer> before = countsOf(messageId);
        change.run();
        Map<Key, Integer> difference = new TreeMap<>(countsOf(messageId));
        before.forEach((key, count) -> difference.merge(key, -count, Integer::sum));
        difference.forEach((key, count) -> {
            if (count != 0) {
                add(key, count);
            }
        });
    }

    /**
     * Counts a project's rows again from the facts, on the days of {@code zone}: after its time zone changed, or when
     * it is first heard of (its messages were counted on UTC days until then). In the caller's transaction.
     */
    void recount(long projectId, ZoneId zone) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(projectId).query().listOfRows();
        jdbc.sql("delete from daily_message_outcomes where project_id = ?").param(projectId).update();
        Map<Key, Integer> counts = new TreeMap<>();
        jdbc.sql("""
                select o.channel, o.outcome, o.occurred_at
                from messages m join message_outcomes o on o.message_id = m.message_id
                where m.project_ids @> array[?]::bigint[]
                """).param(projectId).query(rs -> {
                    LocalDate day = LocalDate.ofInstant(rs.getTimestamp("occurred_at").toInstant(), zone);
                    counts.merge(new Key(projectId, rs.getString("channel"), day, rs.getString("outcome")), 1,
                            Integer::sum);
                });
        counts.forEach(this::add);
    }

    /** What the message counts for now: one per project of it and outcome of it, on the project's day. */
    private Map<Key, Integer> countsOf(UUID messageId) {
        return jdbc.sql("""
                select p.project_id, pr.time_zone, o.channel, o.outcome, o.occurred_at
                from messages m
                cross join lateral unnest(m.project_ids) as p(project_id)
                join message_outcomes o on o.message_id = m.message_id
                left join projects pr on pr.project_id = p.project_id
                where m.message_id = ?
                """).param(messageId).query((rs, row) -> {
                    ZoneId zone = ProjectSummary.zoneOf(rs.getString("time_zone"));
                    return new Key(rs.getLong("project_id"), rs.getString("channel"),
                            LocalDate.ofInstant(rs.getTimestamp("occurred_at").toInstant(), zone),
                            rs.getString("outcome"));
                }).list().stream().collect(Collectors.toMap(key -> key, key -> 1, Integer::sum));
    }

    private void add(Key key, int messages) {
        jdbc.sql("""
                insert into daily_message_outcomes (project_id, channel, day, outcome, messages)
                values (?, ?, ?, ?, ?)
                on conflict (project_id, channel, day, outcome) do update
                set messages = daily_message_outcomes.messages + excluded.messages
                """).params(key.projectId(), key.channel(), Date.valueOf(key.day()), key.outcome(), messages)
                .update();
        if (messages < 0) {
            // a count that moved to another day leaves no empty row behind (a replay would not have it)
            jdbc.sql("""
                    delete from daily_message_outcomes
                    where project_id = ? and channel = ? and day = ? and outcome = ? and messages = 0
                    """).params(key.projectId(), key.channel(), Date.valueOf(key.day()), key.outcome()).update();
        }
    }
}
