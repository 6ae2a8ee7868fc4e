package com.peptalk.iframe.procore;

import com.peptalk.iframe.dashboard.ChannelMetrics;
import com.peptalk.iframe.dashboard.MessageCounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One table of message numbers as the dashboard shows it: counts, then rates, for the last 7 and 30 days. Each cell
 * is named {@code <key>.<metric>.<7d|30d>} (a {@code data-metric} attribute), e.g. {@code email.open-rate.7d}.
 */
record MessageTable(String key, String caption, List<Row> rows) {

    record Row(String label, String metric, boolean rate, String last7Days, String last30Days) {
    }

    static MessageTable of(ChannelMetrics metrics) {
        String key = metrics.channel().toLowerCase(Locale.ROOT);
        boolean email = "EMAIL".equals(metrics.channel());
        boolean sms = "SMS".equals(metrics.channel());
        List<Row> rows = new ArrayList<>();
        rows.add(count("Sent", "sent", metrics, MessageCounts::sent));
        rows.add(count("Delivered", "delivered", metrics, MessageCounts::delivered));
        rows.add(count("Failed", "failed", metrics, MessageCounts::failed));
        if (!sms) {
            rows.add(count(email ? "Opened" : "Opened (email)", "opened", metrics, MessageCounts::opened));
        }
        rows.add(count("Clicked", "clicked", metrics, MessageCounts::clicked));
        rows.add(rate("Delivery rate (delivered ÷ sent)", "delivery-rate", metrics, MessageCounts::deliveryRate));
        if (email) {
            rows.add(rate("Open rate (opened ÷ delivered)", "open-rate", metrics, MessageCounts::openRate));
        }
        rows.add(rate("Click rate (clicked ÷ delivered)", "click-rate", metrics, MessageCounts::clickRate));
        String caption = switch (metrics.channel()) {
            case ChannelMetrics.ALL -> "All channels";
            case "EMAIL" -> "Email";
            case "SMS" -> "SMS";
            default -> metrics.channel();
        };
        return new MessageTable(key, caption, List.copyOf(rows));
    }

    private static Row count(String label, String metric, ChannelMetrics metrics, Function<MessageCounts, Long> value) {
        return new Row(label, metric, false, Long.toString(value.apply(metrics.last7Days())),
                Long.toString(value.apply(metrics.last30Days())));
    }

    private static Row rate(String label, String metric, ChannelMetrics metrics,
            Function<MessageCounts, Double> value) {
        return new Row(label, metric, true, percent(value.apply(metrics.last7Days())),
                percent(value.apply(metrics.last30Days())));
    }

    /** Whole percent, e.g. {@code 67%}; an en dash when there is nothing to divide by. */
    static String percent(Double rate) {
        return rate == null ? "–" : Math.round(rate * 100) + "%";
    }
}
