package com.peptalk.automation.runs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs and the messages they requested. Plain SQL (JdbcClient): a run is claimed by an insert that a unique key
 * refuses for a second run of the same event or occurrence (at most once, whichever replica or redelivery tries), and
 * a fan-out's thousands of message rows go in one {@code unnest} insert.
 */
@Component
public class RunRecords {

    private static final String COLUMNS = """
            id, workflow_id, cause, trigger_id, occurrence_at, status, reason, project_ids, audience, messages,
            skipped_capped, skipped_opted_out, skipped_no_address, delayed_quiet, started_at, finished_at""";

    private final JdbcClient jdbc;

    RunRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the run; false when this workflow already ran for that trigger or occurrence. */
    boolean claim(UUID runId, UUID workflowId, RunCause cause, Instant startedAt) {
        UUID triggerId = cause instanceof RunCause.Trigger trigger ? trigger.id() : null;
        Timestamp occurrence = cause instanceof RunCause.Occurrence at ? Timestamp.from(at.at()) : null;
        String name = cause instanceof RunCause.Occurrence at ? "cadence:" + at.zone().getId() : cause.name();
        return jdbc.sql("""
                insert into workflow_runs (id, workflow_id, cause, trigger_id, occurrence_at, status, started_at, finished_at)
                values (?, ?, ?, ?, ?, 'COMPLETED', ?, ?) on conflict do nothing
                """).params(runId, workflowId, name, triggerId, occurrence, Timestamp.from(startedAt),
                Timestamp.from(startedAt)).update() == 1;
    }

    void finish(RunRecord run) {
        jdbc.sql("""
                update workflow_runs set status = ?, reason = ?, project_ids = ?, audience = ?, messages = ?,
                    skipped_capped = ?, skipped_opted_out = ?, skipped_no_address = ?, delayed_quiet = ?, finished_at = ?
                where id = ?
                """).params(run.status(), run.reason(), run.projectIds().toArray(Long[]::new), run.audience(),
                run.messages(), run.skipped().capped(), run.skipped().optedOut(), run.skipped().noAddress(),
                run.delayedByQuietHours(), Timestamp.from(run.finishedAt()), run.id()).update();
    }

    /** Messages this workflow requested for each of these contacts since {@code since}. */
    Map<Long, Integer> requestedSince(UUID workflowId, Collection<Long> contactIds, Instant since) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql("""
                select contact_id, count(*) from requested_messages
                where workflow_id = ? and contact_id = any(?) and requested_at > ? group by contact_id
                """).params(workflowId, contactIds.toArray(Long[]::new), Timestamp.from(since))
                .query((ResultSet rs) -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                });
        return counts;
    }

    /** Records the messages of a run (message id, contact, channel) for frequency caps. */
    void requested(UUID runId, UUID workflowId, List<UUID> messageIds, List<Long> contactIds, List<String> channels,
            Instant at) {
        if (messageIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into requested_messages (message_id, run_id, workflow_id, contact_id, channel, requested_at)
                select m, ?, ?, c, ch, ? from unnest(?::uuid[], ?::bigint[], ?::text[]) as t(m, c, ch)
                """).params(runId, workflowId, Timestamp.from(at), messageIds.toArray(UUID[]::new),
                contactIds.toArray(Long[]::new), channels.toArray(String[]::new)).update();
    }

    /** The run, if it was recorded. */
    public Optional<RunRecord> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from workflow_runs where id = ?").param(id).query(RunRecords::run)
                .optional();
    }

    /** The workflow's runs, newest first. */
    public List<RunRecord> ofWorkflow(UUID workflowId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from workflow_runs where workflow_id = ? order by started_at desc, id limit ?")
                .params(workflowId, limit).query(RunRecords::run).list();
    }

    /** The runs a trigger started. */
    public List<RunRecord> ofTrigger(UUID triggerId) {
        return jdbc.sql("select " + COLUMNS + " from workflow_runs where trigger_id = ? order by started_at, id")
                .param(triggerId).query(RunRecords::run).list();
    }

    private static RunRecord run(ResultSet rs, int row) throws SQLException {
        Timestamp occurrence = rs.getTimestamp("occurrence_at");
        String cause = rs.getString("cause");
        return new RunRecord(rs.getObject("id", UUID.class), rs.getObject("workflow_id", UUID.class),
                cause.startsWith("cadence:") ? "cadence" : cause, rs.getObject("trigger_id", UUID.class),
                occurrence == null ? null : occurrence.toInstant(), rs.getString("status"), rs.getString("reason"),
                longs(rs.getArray("project_ids")), rs.getInt("audience"), rs.getInt("messages"),
                new RunRecord.Skipped(rs.getInt("skipped_capped"), rs.getInt("skipped_opted_out"),
                        rs.getInt("skipped_no_address")), rs.getInt("delayed_quiet"),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("finished_at").toInstant());
    }

    private static List<Long> longs(Array array) throws SQLException {
        return Arrays.stream((Long[]) array.getArray()).toList();
    }
}
