package com.peptalk.delivery.messages;

import com.peptalk.events.comms.Channel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message in the log: who, which channels, where it stands ({@code status} is its current attempt's: the primary,
 * or the fallback once started).
 */
public record MessageSummary(UUID id, UUID workflowRunId, UUID workflowId, String recipientName, String email,
        String phone, Channel channel, Channel fallbackChannel, DeliveryStatus status, List<Long> projectIds,
        Instant notBefore, Instant createdAt, Instant fallbackStartedAt, String fallbackReason) {
}
