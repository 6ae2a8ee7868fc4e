package com.peptalk.delivery.suppressions;

import com.peptalk.events.comms.Channel;

import java.time.Instant;

/** A suppression as the API shows it. {@code source} says how it arrived (e.g. {@code ses-bounce}, {@code api}). */
public record SuppressionView(Channel channel, String address, String reason, String source, Instant createdAt,
        Instant updatedAt) {
}
