package com.peptalk.heartbeat.kiosks;

import com.peptalk.events.Topics;
import com.peptalk.events.kiosk.KioskHeartbeatReceived;
import com.peptalk.events.runtime.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Applies each heartbeat of {@code kiosk.heartbeats} to its kiosk ({@link KioskStates#heartbeat}), once per
 * {@code ce_id} (the inbox), in one transaction with the history and the flips it causes. A record that cannot be
 * decoded goes to {@code kiosk.heartbeats.DLT} after the retries, without holding up the partition.
 */
@Component
class HeartbeatListener {

    private static final String CONSUMER = "heartbeat-kiosks";

    private final EventInbox inbox;
    private final KioskStates states;
    private final Clock clock;

    HeartbeatListener(EventInbox inbox, KioskStates states, Clock clock) {
        this.inbox = inbox;
        this.states = states;
        this.clock = clock;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.KIOSK_HEARTBEATS)
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(CONSUMER, record, received -> {
            if (received.event() instanceof KioskHeartbeatReceived heartbeat) {
                states.heartbeat(heartbeat, clock.instant());
            }
        });
    }
}
