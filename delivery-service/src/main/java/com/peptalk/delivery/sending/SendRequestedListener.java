package com.peptalk.delivery.sending;

import com.peptalk.delivery.messages.Messages;
import com.peptalk.events.ReceivedEvent;
import com.peptalk.events.Topics;
import com.peptalk.events.comms.SendRequested;
import com.peptalk.events.runtime.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Consumes {@code comms.send-requested}: stores the message once (its id is the primary key, so a re-sent request
 * with a new {@code ce_id} stores nothing either), then sends it at once when it is due. A message held until its
 * {@code notBefore} is sent by {@link DueMessages}.
 */
@Component
class SendRequestedListener {

    static final String CONSUMER = "delivery-send-requested";

    private final EventInbox inbox;
    private final Messages messages;
    private final Dispatcher dispatcher;
    private final Clock clock = Clock.systemUTC();

    SendRequestedListener(EventInbox inbox, Messages messages, Dispatcher dispatcher) {
        this.inbox = inbox;
        this.messages = messages;
        this.dispatcher = dispatcher;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.SEND_REQUESTED, concurrency = "${peptalk.delivery.dispatch.consumers:3}")
    void on(ConsumerRecord<String, byte[]> record) {
        AtomicReference<UUID> stored = new AtomicReference<>();
        inbox.receive(CONSUMER, record, received -> store(received, stored));
        UUID id = stored.get();
        if (id != null && messages.claim(id)) {
            dispatcher.dispatch(id);
        }
    }

    private void store(ReceivedEvent received, AtomicReference<UUID> stored) {
        if (received.event() instanceof SendRequested request && messages.store(request, clock.instant())) {
            messages.record(request.messageId(), "requested", Map.of("channel", request.channel(),
                    "fallbackChannel", String.valueOf(request.fallbackChannel()),
                    "notBefore", String.valueOf(request.notBefore()), "eventId", received.envelope().id()),
                    received.envelope().time());
            stored.set(request.messageId());
        }
    }
}
