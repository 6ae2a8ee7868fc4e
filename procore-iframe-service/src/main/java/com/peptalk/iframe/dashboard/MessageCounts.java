package com.peptalk.iframe.dashboard;

/**
 * How many messages of a period reached each stage. The stages nest (a delivered message was sent, an opened or
 * clicked one was delivered), so rates never exceed 100 %. A rate is null when there is nothing to divide by.
 */
public record MessageCounts(long sent, long delivered, long failed, long opened, long clicked) {

    public static final MessageCounts NONE = new MessageCounts(0, 0, 0, 0, 0);

    /** delivered / sent */
    public Double deliveryRate() {
        return rate(delivered, sent);
    }

    /** opened / delivered: meaningful for email only (an SMS has no open tracking) */
    public Double openRate() {
        return rate(opened, delivered);
    }

    /** clicked / delivered */
    public Double clickRate() {
        return rate(clicked, delivered);
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
