package com.peptalk.delivery.fallback;

import com.peptalk.delivery.messages.DeliveryStatus;
import com.peptalk.events.comms.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rule "never more than one fallback per message": the fallback is started by one conditional update, so of
 * several triggers at once (a permanent failure, a bounce, the overdue sweep) exactly one wins, on every replica.
 * Plain SQL: a compare-and-set that JPA would split into a read and a write.
 */
@Component
public class Fallbacks {

    private final JdbcClient jdbc;

    Fallbacks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Starts the fallback of a message, once.
     *
     * @return the fallback channel when this call started it; empty when the message has none or it started before
     */
    public Optional<Channel> start(UUID messageId, String reason) {
        return jdbc.sql("""
                update messages set fallback_started_at = now(), fallback_reason = ?, updated_at = now()
                where id = ? and fallback_channel is not null and fallback_started_at is null and status <> 'EXPIRED'
                returning fallback_channel
                """).params(reason, messageId).query((rs, row) -> Channel.valueOf(rs.getString(1))).optional();
    }

    /** Messages whose primary was accepted more than {@code deliveredWithin} ago, not delivered, fallback not started. */
    public List<UUID> overdue(Duration deliveredWithin, int limit) {
        return jdbc.sql("""
                select m.id from messages m join delivery_attempts a on a.message_id = m.id and a.attempt = 1
                where a.outcome = 'accepted' and a.attempted_at < now() - make_interval(secs => ?)
                  and a.status_rank < ? and m.fallback_channel is not null and m.fallback_started_at is null
                order by a.attempted_at limit ?
                """).params(deliveredWithin.toSeconds(), DeliveryStatus.DELIVERED.rank(), limit)
                .query(UUID.class).list();
    }
}
