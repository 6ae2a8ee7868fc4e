package com.peptalk.delivery.messages;

import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.SendRequested;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Messages, their attempts and their timeline. Plain SQL (JdbcClient), not JPA: every change here is a conditional
 * statement that must hold under concurrency (insert once by message id, claim by a conditional update, status
 * forward by rank, one fallback), which JPA's read-modify-write would turn into check-then-act.
 */
@Repository
public class Messages {

    private static final String COLUMNS = """
            id, run_id, workflow_id, recipient_name, email, phone, channel, fallback_channel, subject, body_html,
            body_text, body_sms, project_ids, status, not_before, created_at, fallback_started_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Messages(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores a requested message; false when its id is already known (the primary key decides, not a lookup). */
    public boolean store(SendRequested request, Instant receivedAt) {
        int inserted = jdbc.sql("""
                insert into messages (id, run_id, workflow_id, recipient_name, email, phone, channel, fallback_channel,
                                      subject, body_html, body_text, body_sms, project_ids, not_before, created_at)
                values (:id, :run, :workflow, :name, :email, :phone, :channel, :fallback, :subject, :html, :text, :sms,
                        :projects, :notBefore, :at)
                on conflict (id) do nothing
                """)
                .param("id", request.messageId()).param("run", request.runId()).param("workflow", request.workflowId())
                .param("name", request.recipient().name()).param("email", request.recipient().email())
                .param("phone", request.recipient().phone()).param("channel", request.channel().name())
                .param("fallback", request.fallbackChannel() == null ? null : request.fallbackChannel().name())
                .param("subject", request.content().subject()).param("html", request.content().html())
                .param("text", request.content().text()).param("sms", request.content().sms())
                .param("projects", request.projectIds().toArray(Long[]::new))
                .param("notBefore", timestamp(request.notBefore())).param("at", Timestamp.from(receivedAt))
                .update();
        return inserted == 1;
    }

    public Optional<StoredMessage> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from messages where id = ?").param(id).query(Messages::message).optional();
    }

    /** Takes a due message for dispatch; false when it is not due, already taken or already dispatched. */
    public boolean claim(UUID id) {
        return jdbc.sql("""
                update messages set claimed_at = now()
                where id = ? and claimed_at is null and dispatched_at is null and coalesce(not_before, created_at) <= now()
                """).param(id).update() == 1;
    }

    /**
     * Takes up to {@code limit} due messages (held ones whose time came, and ones a crashed dispatcher took longer
     * than {@code lease} ago); rows another replica is taking are skipped, not waited for.
     */
    public List<UUID> claimDue(int limit, Duration lease) {
        return jdbc.sql("""
                update messages set claimed_at = now()
                where id in (select id from messages
                             where dispatched_at is null and coalesce(not_before, created_at) <= now()
                               and (claimed_at is null or claimed_at < now() - make_interval(secs => :lease))
                             order by coalesce(not_before, created_at) limit :limit
                             for update skip locked)
                returning id
                """).param("lease", lease.toSeconds()).param("limit", limit).query(UUID.class).list();
    }

    /** Closes a stored message that will never be sent: no dispatcher takes it, no fallback starts for it. */
    public void expire(UUID id) {
        jdbc.sql("""
                update messages set status = ?, status_rank = ?, dispatched_at = now(), updated_at = now()
                where id = ? and dispatched_at is null
                """).params(DeliveryStatus.EXPIRED.name(), DeliveryStatus.EXPIRED.rank(), id).update();
    }

    public void dispatched(UUID id) {
        jdbc.sql("update messages set dispatched_at = now(), updated_at = now() where id = ?").param(id).update();
    }

    /**
     * Starts attempt 1 (primary) or 2 (fallback) on {@code channel}; false when that attempt already exists (a
     * re-dispatch after a crash, or a second fallback: the primary key refuses it).
     */
    public boolean startAttempt(UUID id, int attempt, Channel channel, String provider, String address) {
        return jdbc.sql("""
                insert into delivery_attempts (message_id, attempt, channel, provider, address, outcome, status, attempted_at)
                values (?, ?, ?, ?, ?, 'pending', 'QUEUED', now())
                on conflict do nothing
                """).params(id, attempt, channel.name(), provider, address).update() == 1;
    }

    public void accepted(UUID id, int attempt, String providerMessageId, Map<String, Object> request,
            Map<String, Object> answer) {
        jdbc.sql("""
                update delivery_attempts
                set outcome = 'accepted', provider_message_id = ?, request_summary = ?::jsonb, provider_answer = ?::jsonb,
                    finished_at = now()
                where message_id = ? and attempt = ?
                """).params(providerMessageId, write(request), write(answer), id, attempt).update();
        advance(id, channelOf(id, attempt), DeliveryStatus.ACCEPTED);
    }

    public void failed(UUID id, int attempt, String reason, boolean permanent, Map<String, Object> request,
            Map<String, Object> answer) {
        jdbc.sql("""
                update delivery_attempts
                set outcome = 'failed', failure_reason = ?, permanent = ?, request_summary = ?::jsonb,
                    provider_answer = ?::jsonb, finished_at = now()
                where message_id = ? and attempt = ?
                """).params(reason, permanent, write(request), write(answer), id, attempt).update();
        advance(id, channelOf(id, attempt), DeliveryStatus.FAILED);
    }

    /** Records a suppressed attempt: never sent, nothing asked of a provider. */
    public void suppressed(UUID id, int attempt, String reason) {
        jdbc.sql("""
                update delivery_attempts set outcome = 'failed', failure_reason = ?, permanent = true, finished_at = now()
                where message_id = ? and attempt = ?
                """).params(reason, id, attempt).update();
        advance(id, channelOf(id, attempt), DeliveryStatus.SUPPRESSED);
    }

    /**
     * Moves the attempt on {@code channel} to {@code status} if that ranks higher than where it is (DESIGN.md §3),
     * and the message with it when that attempt is the message's current one (the fallback once it started).
     *
     * @return true when the status moved
     */
    public boolean advance(UUID id, Channel channel, DeliveryStatus status) {
        int moved = jdbc.sql("""
                update delivery_attempts set status = ?, status_rank = ?
                where message_id = ? and channel = ? and status_rank < ?
                """).params(status.name(), status.rank(), id, channel.name(), status.rank()).update();
        if (moved == 1) {
            jdbc.sql("""
                    update messages set status = ?, status_rank = ?, updated_at = now()
                    where id = ? and (case when fallback_started_at is null then channel else fallback_channel end) = ?
                    """).params(status.name(), status.rank(), id, channel.name()).update();
        }
        return moved == 1;
    }

    /** Appends a raw event to the message's timeline, whatever it did to the status. */
    public void record(UUID id, String kind, Map<String, Object> detail, Instant occurredAt) {
        jdbc.sql("insert into message_events (message_id, kind, detail, occurred_at) values (?, ?, ?::jsonb, ?)")
                .params(id, kind, write(detail), Timestamp.from(occurredAt)).update();
    }

    private Channel channelOf(UUID id, int attempt) {
        return jdbc.sql("select channel from delivery_attempts where message_id = ? and attempt = ?")
                .params(id, attempt).query((rs, row) -> Channel.valueOf(rs.getString(1))).single();
    }

    String write(Map<String, Object> value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    static StoredMessage message(ResultSet rs, int row) throws SQLException {
        return new StoredMessage(rs.getObject("id", UUID.class), rs.getObject("run_id", UUID.class),
                rs.getObject("workflow_id", UUID.class), rs.getString("recipient_name"), rs.getString("email"),
                rs.getString("phone"), Channel.valueOf(rs.getString("channel")), channel(rs.getString("fallback_channel")),
                rs.getString("subject"), rs.getString("body_html"), rs.getString("body_text"), rs.getString("body_sms"),
                projects(rs.getArray("project_ids")), DeliveryStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("not_before")), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("fallback_started_at")));
    }

    static Channel channel(String name) {
        return name == null ? null : Channel.valueOf(name);
    }

    static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static List<Long> projects(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
    }
}
