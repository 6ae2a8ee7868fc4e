package com.peptalk.tracking.webhooklog;

import java.util.List;

/**
 * A sender of inbound requests (SNS, Twilio, Procore, mail clients through tracking links): verifies a request and
 * says what to answer and publish. The webhook log calls it for live requests and for replays alike, so it must not
 * depend on anything but the {@link InboundRequest}, and it must not throw on bad input (a refusal is a
 * {@link Reception}).
 */
public interface WebhookProvider {

    /** The provider's name in the log and its metrics: {@code ses}, {@code twilio}, {@code procore}, {@code links}. */
    String name();

    /** The paths it is called on (a path ending in {@code /} stands for every path below it). */
    List<String> paths();

    /** Verifies and reads the request. */
    Reception receive(InboundRequest request);
}
