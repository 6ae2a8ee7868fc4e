package com.peptalk.delivery.sending;

import com.peptalk.events.Topics;
import com.peptalk.testsupport.EventProbe;

import java.time.Duration;
import java.util.UUID;

/**
 * Waits for what delivery publishes on {@code comms.delivery-events}. One probe for the whole test JVM (it reads from
 * the first offset and keeps what it read, so a wait finds events published before it began); it ends with the JVM.
 */
final class DeliveryEvents {

    static final Duration WAIT = Duration.ofSeconds(30);
    private static EventProbe probe;

    private DeliveryEvents() {
    }

    /** The first event of {@code type} about {@code messageId}, waiting at most {@link #WAIT}. */
    static synchronized <T> T await(UUID messageId, Class<T> type) {
        if (probe == null) {
            probe = EventProbe.listen(Topics.DELIVERY_EVENTS);
        }
        return type.cast(probe.awaitEvent(event -> type.isInstance(event.event())
                && event.envelope().subject().equals(messageId.toString()), WAIT).event());
    }
}
