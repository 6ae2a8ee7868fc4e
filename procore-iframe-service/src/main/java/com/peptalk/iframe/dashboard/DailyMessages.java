package com.peptalk.iframe.dashboard;

import com.peptalk.events.comms.Channel;

import java.time.LocalDate;
import java.util.List;

/**
 * One channel's messages per day, oldest day first, for the dashboard's chart. A day is the project's calendar day,
 * and each number counts the messages that reached that outcome on that day (a message sent on Monday and delivered
 * on Tuesday counts as sent on Monday and delivered on Tuesday).
 */
public record DailyMessages(Channel channel, List<Day> days) {

    public DailyMessages {
        days = List.copyOf(days);
    }

    /** True when no message of the channel reached any outcome in these days. */
    public boolean empty() {
        return days.stream().allMatch(day -> day.sent() + day.total() + day.opened() + day.clicked() == 0);
    }

    /**
     * The outcomes of one day. {@code sent}: accepted by the provider ({@code DeliveryAccepted}) or reported sent;
     * {@code delivered}: reported {@code DELIVERED}; {@code failed}: a permanent {@code DeliveryFailed}, or reported
     * {@code BOUNCED}, {@code UNDELIVERED}, {@code FAILED} or {@code COMPLAINED}; {@code suppressed}: not sent, the
     * address being suppressed ({@code DeliverySuppressed}); {@code opened}, {@code clicked}: reported so.
     */
    public record Day(LocalDate date, long sent, long delivered, long failed, long suppressed, long opened,
            long clicked) {

        /** The outcomes that end a message on the channel, which the chart stacks: delivered, failed, suppressed. */
        public long total() {
            return delivered + failed + suppressed;
        }
    }
}
