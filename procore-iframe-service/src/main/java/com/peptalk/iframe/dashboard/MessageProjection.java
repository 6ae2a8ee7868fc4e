package com.peptalk.iframe.dashboard;

import com.peptalk.events.ReceivedEvent;
import com.peptalk.events.Topics;
import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.DeliveryAccepted;
import com.peptalk.events.comms.DeliveryFailed;
import com.peptalk.events.comms.DeliverySuppressed;
import com.peptalk.events.comms.FallbackStarted;
import com.peptalk.events.comms.MessageStatusReported;
import com.peptalk.events.comms.SendRequested;
import com.peptalk.events.runtime.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the facts behind the message numbers: which projects a message is for ({@code SendRequested}) and what
 * became of it on each channel (delivery and status events). Rows are facts keyed by message, channel and outcome,
 * so a duplicate (the inbox drops a repeated {@code ce_id}; the key drops a re-sent event with a new one) or a
 * status that overtakes its {@code SendRequested} changes nothing: the dashboard joins the two at read time. Each
 * change of a message's facts also updates the daily rollup behind the 30-day chart ({@link DailyOutcomes}).
 * <p>
 * Plain SQL (JdbcClient), not JPA: a read model kept by an upsert per event, in which the earliest fact wins, and
 * the rollup's counters beside it.
 */
@Component
class MessageProjection {

    static final String CONSUMER = "iframe-messages";

    private final EventInbox inbox;
    private final JdbcClient jdbc;
    private final DailyOutcomes daily;

    MessageProjection(EventInbox inbox, JdbcClient jdbc, DailyOutcomes daily) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.daily = daily;
    }

    @KafkaListener(id = CONSUMER, topics = { Topics.SEND_REQUESTED, Topics.DELIVERY_EVENTS, Topics.STATUS_EVENTS })
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(CONSUMER, record, this::apply);
    }

    private void apply(ReceivedEvent received) {
        Instant published = received.envelope().time();
        switch (received.event()) {
            case SendRequested send -> requested(send, published);
            case DeliveryAccepted accepted -> outcome(accepted.messageId(), accepted.channel(), Outcome.SENT,
                    published, null);
            case DeliveryFailed failed when failed.permanent() -> outcome(failed.messageId(), failed.channel(),
                    Outcome.FAILED, published, failed.reason());
            case DeliverySuppressed suppressed -> outcome(suppressed.messageId(), suppressed.channel(),
                    Outcome.SUPPRESSED, published, suppressed.reason());
            case FallbackStarted fallback -> outcome(fallback.messageId(), fallback.fromChannel(), Outcome.FALLBACK,
                    published, fallback.toChannel().name());
            case MessageStatusReported status -> reported(status, published);
            default -> {
                // attempts, transient failures and opt-outs / opt-ins (keyed by address, not by message) do not change
                // what the dashboard counts
            }
        }
    }

    /** The earliest request wins, so a re-sent request (new ce_id, later time) cannot move the message in time. */
    private void requested(SendRequested send, Instant at) {
        daily.counting(send.messageId(), send.projectIds(), () -> jdbc.sql("""
                insert into messages (message_id, channel, project_ids, requested_at)
                values (?, ?, ?, ?)
                on conflict (message_id) do update
                set channel = excluded.channel, project_ids = excluded.project_ids, requested_at = excluded.requested_at
                where excluded.requested_at < messages.requested_at
                """).params(send.messageId(), send.channel().name(), send.projectIds().toArray(Long[]::new),
                Timestamp.from(at)).update());
    }

    private void reported(MessageStatusReported status, Instant published) {
        Instant at = status.occurredAt() == null ? published : status.occurredAt();
        switch (status.status()) {
            case SENT -> outcome(status.messageId(), status.channel(), Outcome.SENT, at, null);
            case DELIVERED -> outcome(status.messageId(), status.channel(), Outcome.DELIVERED, at, null);
            case OPENED -> outcome(status.messageId(), status.channel(), Outcome.OPENED, at, null);
            case CLICKED -> outcome(status.messageId(), status.channel(), Outcome.CLICKED, at, null);
            case BOUNCED, UNDELIVERED, FAILED, COMPLAINED -> outcome(status.messageId(), status.channel(),
                    Outcome.FAILED, at, failureReason(status));
            case DELAYED, OPTED_OUT -> {
                // neither a delivery nor a failure of this message
            }
        }
    }

    /** The earliest event of a kind wins, whatever order the events arrive in. */
    private void outcome(UUID messageId, Channel channel, Outcome outcome, Instant at, String detail) {
        daily.counting(messageId, List.of(), () -> jdbc.sql("""
                insert into message_outcomes (message_id, channel, outcome, occurred_at, detail)
                values (?, ?, ?, ?, ?)
                on conflict (message_id, channel, outcome) do update
                set occurred_at = excluded.occurred_at, detail = excluded.detail
                where excluded.occurred_at < message_outcomes.occurred_at
                """).params(messageId, channel.name(), outcome.column(), Timestamp.from(at), detail).update());
    }

    private static String failureReason(MessageStatusReported status) {
        String name = status.status().name().charAt(0) + status.status().name().substring(1).toLowerCase();
        return status.detail() == null || status.detail().isBlank() ? name : name + ": " + status.detail();
    }
}
