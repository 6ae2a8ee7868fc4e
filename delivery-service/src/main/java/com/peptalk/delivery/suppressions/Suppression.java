package com.peptalk.delivery.suppressions;

import com.peptalk.events.comms.Channel;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** An address that must not be sent to on a channel, and why; it never leaves this package. */
@Entity
@Table(name = "suppressions")
@IdClass(Suppression.Key.class)
class Suppression {

    @Id
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Id
    private String address;
    private String reason;
    private String source;
    private Instant createdAt;
    private Instant updatedAt;

    protected Suppression() {
    }

    SuppressionView view() {
        return new SuppressionView(channel, address, reason, source, createdAt, updatedAt);
    }

    /** The primary key: one row per channel and address. */
    record Key(Channel channel, String address) implements Serializable {
        Key() {
            this(null, null);
        }
    }
}
