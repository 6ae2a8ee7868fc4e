package com.peptalk.delivery.sending;

import com.peptalk.delivery.fallback.FallbackProperties;
import com.peptalk.delivery.fallback.Fallbacks;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Falls back on messages whose primary channel was accepted but not delivered within the configured time. */
@Component
class OverdueMessages {

    private final Fallbacks fallbacks;
    private final Dispatcher dispatcher;
    private final FallbackProperties settings;

    OverdueMessages(Fallbacks fallbacks, Dispatcher dispatcher, FallbackProperties settings) {
        this.fallbacks = fallbacks;
        this.dispatcher = dispatcher;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${peptalk.delivery.fallback.sweep-interval:30s}")
    @SchedulerLock(name = "delivery-overdue-messages", lockAtMostFor = "PT10M")
    void fallBackOverdue() {
        for (UUID id : fallbacks.overdue(settings.deliveredWithin(), 100)) {
            dispatcher.fallBack(id, "not delivered within " + settings.deliveredWithin());
        }
    }
}
