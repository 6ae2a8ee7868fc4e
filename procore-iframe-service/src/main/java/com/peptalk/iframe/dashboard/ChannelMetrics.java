package com.peptalk.iframe.dashboard;

/**
 * The message numbers of one channel ({@code EMAIL}, {@code SMS}) or of all of them ({@code ALL}), for the
 * messages requested in the last 7 and the last 30 days.
 *
 * <p>Across all channels a message counts once per stage, and as failed only when no channel delivered it (a
 * message that failed by email and then arrived by SMS reached its recipient).
 */
public record ChannelMetrics(String channel, MessageCounts last7Days, MessageCounts last30Days) {

    public static final String ALL = "ALL";
}
