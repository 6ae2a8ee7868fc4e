package com.peptalk.iframe.dashboard;

/** What became of a message on a channel, as {@code message_outcomes.outcome} stores it. */
enum Outcome {
    SENT, DELIVERED, OPENED, CLICKED, FAILED, FALLBACK, SUPPRESSED;

    String column() {
        return name().toLowerCase();
    }
}
