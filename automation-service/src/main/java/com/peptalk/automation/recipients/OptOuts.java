package com.peptalk.automation.recipients;

import com.peptalk.events.ReceivedEvent;
import com.peptalk.events.Topics;
import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.MessageStatus;
import com.peptalk.events.comms.MessageStatusReported;
import com.peptalk.events.comms.RecipientOptedIn;
import com.peptalk.events.comms.RecipientOptedOut;
import com.peptalk.events.runtime.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Honours what recipients said through the providers ({@code comms.status-events}): an SMS STOP or an email
 * unsubscribe ({@link RecipientOptedOut}) turns the channel's opt-in off for every contact with that address, a START
 * ({@link RecipientOptedIn}) turns it on again, and a spam complaint ({@link MessageStatusReported} with status
 * COMPLAINED) turns email off. By address, because that is what the provider knows.
 * <p>
 * Plain SQL (JdbcClient): one update per event over every contact with the address, not an aggregate change.
 */
@Component
class OptOuts {

    static final String CONSUMER = "automation-opt-outs";

    private final EventInbox inbox;
    private final JdbcClient jdbc;

    OptOuts(EventInbox inbox, JdbcClient jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.STATUS_EVENTS)
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(CONSUMER, record, this::apply);
    }

    private void apply(ReceivedEvent received) {
        switch (received.event()) {
            case RecipientOptedOut out -> optIn(out.channel(), out.address(), false);
            case RecipientOptedIn in -> optIn(in.channel(), in.address(), true);
            case MessageStatusReported report when report.status() == MessageStatus.COMPLAINED
                    && report.address() != null -> optIn(Channel.EMAIL, report.address(), false);
            default -> {
                // deliveries, opens, clicks and bounces change no consent (delivery suppresses bounced addresses)
            }
        }
    }

    private void optIn(Channel channel, String address, boolean optIn) {
        if (address == null || address.isBlank()) {
            return;
        }
        if (channel == Channel.SMS) {
            String phone = PhoneNumbers.valid(address) ? PhoneNumbers.e164(address) : address;
            jdbc.sql("update contacts set sms_opt_in = ?, updated_at = now() where phone = ?")
                    .params(optIn, phone).update();
        }
        else {
            jdbc.sql("update contacts set email_opt_in = ?, updated_at = now() where lower(email) = lower(?)")
                    .params(optIn, address.strip()).update();
        }
    }
}
