package com.peptalk.delivery.sending;

import com.peptalk.delivery.messages.DeliveryStatus;
import com.peptalk.delivery.messages.Messages;
import com.peptalk.delivery.messages.StoredMessage;
import com.peptalk.events.ReceivedEvent;
import com.peptalk.events.Topics;
import com.peptalk.events.comms.MessageStatus;
import com.peptalk.events.comms.MessageStatusReported;
import com.peptalk.events.runtime.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Consumes tracking's {@code MessageStatusReported}: every report lands in the message's timeline in arrival order,
 * the attempt's status moves forward by rank only, and a bounced, undelivered or failed primary falls back.
 */
@Component
class StatusListener {

    static final String CONSUMER = "delivery-status";
    private static final Set<MessageStatus> FALLS_BACK = Set.of(MessageStatus.BOUNCED, MessageStatus.UNDELIVERED,
            MessageStatus.FAILED);
    private static final Logger log = LoggerFactory.getLogger(StatusListener.class);

    private final EventInbox inbox;
    private final Messages messages;
    private final Dispatcher dispatcher;

    StatusListener(EventInbox inbox, Messages messages, Dispatcher dispatcher) {
        this.inbox = inbox;
        this.messages = messages;
        this.dispatcher = dispatcher;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.STATUS_EVENTS)
    void on(ConsumerRecord<String, byte[]> record) {
        AtomicReference<MessageStatusReported> fallBack = new AtomicReference<>();
        inbox.receive(CONSUMER, record, received -> apply(received, fallBack));
        MessageStatusReported report = fallBack.get();
        if (report != null) {
            dispatcher.fallBack(report.messageId(), report.channel() + " " + report.status().name().toLowerCase()
                    + (report.errorCode() == null ? "" : " (" + report.errorCode() + ")"));
        }
    }

    private void apply(ReceivedEvent received, AtomicReference<MessageStatusReported> fallBack) {
        if (!(received.event() instanceof MessageStatusReported report)) {
            return; // opt-outs and opt-ins are the suppression list's
        }
        Optional<StoredMessage> message = messages.find(report.messageId());
        if (message.isEmpty()) {
            log.info("status {} for unknown message {} ignored", report.status(), report.messageId());
            return;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("channel", report.channel());
        detail.put("provider", report.provider());
        detail.put("status", report.status());
        detail.put("providerMessageId", report.providerMessageId());
        detail.put("detail", report.detail());
        detail.put("errorCode", report.errorCode());
        detail.put("permanent", report.permanent());
        detail.put("eventId", received.envelope().id());
        messages.record(report.messageId(), "status", detail,
                report.occurredAt() == null ? received.envelope().time() : report.occurredAt());
        messages.advance(report.messageId(), report.channel(), DeliveryStatus.of(report.status()));
        if (FALLS_BACK.contains(report.status()) && report.channel() == message.get().channel()) {
            fallBack.set(report);
        }
    }
}
