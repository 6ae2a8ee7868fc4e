package com.peptalk.delivery.messages;

import com.peptalk.events.comms.MessageStatus;

/**
 * The status of a delivery attempt, ranked (DESIGN.md §3): it only moves to a higher rank, whatever order reports
 * arrive in. Failure states share the top rank: terminal for that attempt, the first one reported stays.
 */
public enum DeliveryStatus {
    QUEUED(0), ACCEPTED(10), DELAYED(15), SENT(20), DELIVERED(30), OPENED(40), CLICKED(50),
    SUPPRESSED(100), FAILED(100), BOUNCED(100), COMPLAINED(100), UNDELIVERED(100), OPTED_OUT(100),
    /** Never sent: the request was older than {@code peptalk.delivery.max-request-age} when it arrived. */
    EXPIRED(100);

    private final int rank;

    DeliveryStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** The status a provider's normalised report stands for. */
    public static DeliveryStatus of(MessageStatus reported) {
        return valueOf(reported.name());
    }
}
