package com.peptalk.delivery.messages;

import com.peptalk.events.comms.Channel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A message as delivery keeps it (never crosses HTTP or Kafka as is). */
public record StoredMessage(UUID id, UUID runId, UUID workflowId, String recipientName, String email, String phone,
        Channel channel, Channel fallbackChannel, String subject, String bodyHtml, String bodyText, String bodySms,
        List<Long> projectIds, DeliveryStatus status, Instant notBefore, Instant createdAt, Instant fallbackStartedAt) {

    /** The address of {@code channel}, or null when the recipient has none. */
    public String addressOn(Channel on) {
        String address = on == Channel.EMAIL ? email : phone;
        return address == null || address.isBlank() ? null : address;
    }
}
