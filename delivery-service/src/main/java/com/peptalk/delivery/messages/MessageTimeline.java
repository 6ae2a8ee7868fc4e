package com.peptalk.delivery.messages;

import com.peptalk.events.comms.Channel;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A message's whole story: its attempts (1 the primary, 2 the fallback), each with its provider, the provider's
 * message id, what was asked (a summary without secrets or bodies) and what the provider answered; and every raw
 * event in the order it was received, whatever it did to the status.
 */
public record MessageTimeline(MessageSummary message, List<Attempt> attempts, List<Event> events) {

    public record Attempt(int attempt, Channel channel, String provider, String providerMessageId, String address,
            String outcome, DeliveryStatus status, String failureReason, Boolean permanent,
            Map<String, Object> requestSummary, Map<String, Object> providerAnswer, Instant attemptedAt,
            Instant finishedAt) {
    }

    public record Event(long sequence, String kind, Map<String, Object> detail, Instant occurredAt, Instant recordedAt) {
    }
}
