package com.peptalk.events.comms;

import com.peptalk.events.DomainEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Automation asks delivery to send one message. {@code fallbackChannel} may be null (no fallback);
 * {@code notBefore} may be null (send now).
 */
public record SendRequested(UUID messageId, UUID runId, UUID workflowId, Recipient recipient, Channel channel,
        Channel fallbackChannel, RenderedContent content, List<Long> projectIds, Instant notBefore)
        implements DomainEvent {

    public SendRequested {
        projectIds = List.copyOf(projectIds);
    }

    @Override
    public String aggregateId() {
        return messageId.toString();
    }
}
