package com.peptalk.delivery.suppressions;

import com.peptalk.events.ReceivedEvent;
import com.peptalk.events.Topics;
import com.peptalk.events.comms.MessageStatusReported;
import com.peptalk.events.comms.RecipientOptedIn;
import com.peptalk.events.comms.RecipientOptedOut;
import com.peptalk.events.runtime.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the suppression list from tracking's reports: a permanent report (an SES hard bounce or complaint, a
 * permanent Twilio error) and an opt-out (SMS STOP, email one-click unsubscribe) suppress the address; an opt-in
 * (SMS START) lifts it. Opt-outs and opt-ins are keyed by the address, so one address's arrive in order.
 */
@Component
class SuppressionListener {

    static final String CONSUMER = "delivery-suppressions";

    private final EventInbox inbox;
    private final Suppressions suppressions;

    SuppressionListener(EventInbox inbox, Suppressions suppressions) {
        this.inbox = inbox;
        this.suppressions = suppressions;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.STATUS_EVENTS)
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(CONSUMER, record, this::apply);
    }

    private void apply(ReceivedEvent received) {
        switch (received.event()) {
            case MessageStatusReported report when report.permanent() && report.address() != null ->
                    suppressions.suppress(report.channel(), report.address(), report.status().name().toLowerCase()
                            + (report.errorCode() == null ? "" : " (" + report.errorCode() + ")")
                            + (report.detail() == null ? "" : ": " + report.detail()),
                            report.provider() + "-" + report.status().name().toLowerCase());
            case RecipientOptedOut optedOut -> suppressions.suppress(optedOut.channel(), optedOut.address(),
                    "opted out" + (optedOut.keyword() == null ? "" : " (" + optedOut.keyword() + ")"), optedOut.source());
            case RecipientOptedIn optedIn -> suppressions.lift(optedIn.channel(), optedIn.address());
            default -> {
                // other reports do not change who may be sent to
            }
        }
    }
}
