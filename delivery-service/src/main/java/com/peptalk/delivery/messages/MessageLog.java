package com.peptalk.delivery.messages;

import com.peptalk.events.comms.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the message log. Plain SQL: a search over optional filters (one of them inside the {@code project_ids}
 * array) and the timeline's two ordered lists read better as SQL than as a JPA specification.
 */
@Component
class MessageLog {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final String SUMMARY = """
            id, run_id, workflow_id, recipient_name, email, phone, channel, fallback_channel, status, project_ids,
            not_before, created_at, fallback_started_at, fallback_reason""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MessageLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Filters of a search; every one may be null. {@code from} is inclusive, {@code to} exclusive (creation time). */
    record Filter(Long projectId, String recipient, Channel channel, DeliveryStatus status, UUID workflowRunId,
            Instant from, Instant to) {
    }

    Page<MessageSummary> search(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.projectId() != null) {
            where.add(":project = any (project_ids)");
            params.put("project", filter.projectId());
        }
        if (filter.recipient() != null) {
            where.add("(lower(email) = :recipient or phone = :recipient or lower(recipient_name) like '%' || :recipient || '%')");
            params.put("recipient", filter.recipient().strip().toLowerCase(java.util.Locale.ROOT));
        }
        if (filter.channel() != null) {
            where.add("(channel = :channel or (fallback_started_at is not null and fallback_channel = :channel))");
            params.put("channel", filter.channel().name());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.workflowRunId() != null) {
            where.add("run_id = :run");
            params.put("run", filter.workflowRunId());
        }
        if (filter.from() != null) {
            where.add("created_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.add("created_at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        long total = jdbc.sql("select count(*) from messages" + condition).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<MessageSummary> items = jdbc.sql("select " + SUMMARY + " from messages" + condition
                + " order by created_at desc, id limit :limit offset :offset").params(params).query(MessageLog::summary).list();
        return Page.of(items, page, size, total);
    }

    Optional<MessageTimeline> timeline(UUID id) {
        return jdbc.sql("select " + SUMMARY + " from messages where id = ?").param(id).query(MessageLog::summary)
                .optional().map(message -> new MessageTimeline(message, attempts(id), events(id)));
    }

    private List<MessageTimeline.Attempt> attempts(UUID id) {
        return jdbc.sql("""
                select attempt, channel, provider, provider_message_id, address, outcome, status, failure_reason, permanent,
                       request_summary::text, provider_answer::text, attempted_at, finished_at
                from delivery_attempts where message_id = ? order by attempt
                """).param(id).query((rs, row) -> new MessageTimeline.Attempt(rs.getInt(1), Channel.valueOf(rs.getString(2)),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), DeliveryStatus.valueOf(rs.getString(7)),
                rs.getString(8), (Boolean) rs.getObject(9), map(rs.getString(10)), map(rs.getString(11)),
                Messages.instant(rs.getTimestamp(12)), Messages.instant(rs.getTimestamp(13)))).list();
    }

    private List<MessageTimeline.Event> events(UUID id) {
        return jdbc.sql("""
                select id, kind, detail::text, occurred_at, recorded_at from message_events where message_id = ? order by id
                """).param(id).query((rs, row) -> new MessageTimeline.Event(rs.getLong(1), rs.getString(2),
                map(rs.getString(3)), Messages.instant(rs.getTimestamp(4)), Messages.instant(rs.getTimestamp(5)))).list();
    }

    private Map<String, Object> map(String text) {
        return text == null ? null : json.readValue(text, MAP);
    }

    private static MessageSummary summary(ResultSet rs, int row) throws SQLException {
        Array projects = rs.getArray("project_ids");
        return new MessageSummary(rs.getObject("id", UUID.class), rs.getObject("run_id", UUID.class),
                rs.getObject("workflow_id", UUID.class), rs.getString("recipient_name"), rs.getString("email"),
                rs.getString("phone"), Channel.valueOf(rs.getString("channel")),
                Messages.channel(rs.getString("fallback_channel")), DeliveryStatus.valueOf(rs.getString("status")),
                projects == null ? List.of() : Arrays.asList((Long[]) projects.getArray()),
                Messages.instant(rs.getTimestamp("not_before")), Messages.instant(rs.getTimestamp("created_at")),
                Messages.instant(rs.getTimestamp("fallback_started_at")), rs.getString("fallback_reason"));
    }
}
