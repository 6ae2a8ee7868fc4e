package com.peptalk.delivery.sending;

import com.peptalk.delivery.messages.DeliveryProperties;
import com.peptalk.delivery.messages.Messages;
import com.peptalk.events.ReceivedEvent;
import com.peptalk.events.Topics;
import com.peptalk.events.comms.SendRequested;
import com.peptalk.events.runtime.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Consumes {@code comms.send-requested}: stores the message once (its id is the primary key, so a re-sent request
 * with a new {@code ce_id} stores nothing either), then sends it at once when it is due. A message held until its
 * {@code notBefore} is sent by {@link DueMessages}. A request older than {@code peptalk.delivery.max-request-age}
 * (by its event's time) is stored as expired and never sent.
 */
@Component
class SendRequestedListener {

    static final String CONSUMER = "delivery-send-requested";

    private final EventInbox inbox;
    private final Messages messages;
    private final Dispatcher dispatcher;
    private final Duration maxRequestAge;
    private final Clock clock = Clock.systemUTC();

    SendRequestedListener(EventInbox inbox, Messages messages, Dispatcher dispatcher, DeliveryProperties settings) {
        this.inbox = inbox;
        this.messages = messages;
        this.dispatcher = dispatcher;
        this.maxRequestAge = settings.maxRequestAge();
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
        Instant now = clock.instant();
        if (received.event() instanceof SendRequested request && messages.store(request, now)) {
            Instant requestedAt = received.envelope().time();
            messages.record(request.messageId(), "requested", Map.of("channel", request.channel(),
                    "fallbackChannel", String.valueOf(request.fallbackChannel()),
                    "notBefore", String.valueOf(request.notBefore()), "eventId", received.envelope().id()),
                    requestedAt);
            if (requestedAt.plus(maxRequestAge).isBefore(now)) {
                messages.expire(request.messageId());
                messages.record(request.messageId(), "expired", Map.of("requestedAt", requestedAt.toString(),
                        "maxRequestAge", maxRequestAge.toString()), now);
            }
            else {
                stored.set(request.messageId());
            }
        }
    }
}
