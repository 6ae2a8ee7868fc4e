package com.peptalk.delivery.sending;

import com.peptalk.delivery.messages.Messages;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Sends messages whose {@code notBefore} (quiet hours, decided by automation) has come, and ones a crashed
 * dispatcher left behind. One replica at a time runs a round (ShedLock); each message is also taken by a
 * conditional update with {@code skip locked}, so even overlapping rounds never send one twice.
 */
@Component
class DueMessages {

    private static final Logger log = LoggerFactory.getLogger(DueMessages.class);

    private final Messages messages;
    private final Dispatcher dispatcher;
    private final DispatchProperties settings;

    DueMessages(Messages messages, Dispatcher dispatcher, DispatchProperties settings) {
        this.messages = messages;
        this.dispatcher = dispatcher;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${peptalk.delivery.dispatch.poll-interval:1s}")
    @SchedulerLock(name = "delivery-due-messages", lockAtMostFor = "PT10M")
    void sendDue() {
        for (UUID id : messages.claimDue(settings.batchSize(), settings.lease())) {
            try {
                dispatcher.dispatch(id);
            }
            catch (RuntimeException ex) {
                // the message stays claimed; the next round after its lease takes it again
                log.warn("dispatch of due message {} failed, retried after the lease: {}", id, ex.toString());
            }
        }
    }
}
