package com.peptalk.events.automation;

import com.peptalk.events.DomainEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A workflow run ended: what started it ({@code cause}: a trigger type or {@code cadence}), for which projects,
 * how many messages it requested, and whether it {@code completed} or {@code failed}.
 */
public record WorkflowRunFinished(UUID runId, UUID workflowId, String workflowName, List<Long> projectIds,
        String cause, String status, int messages, Instant startedAt, Instant finishedAt) implements DomainEvent {

    public WorkflowRunFinished {
        projectIds = List.copyOf(projectIds);
    }

    @Override
    public String aggregateId() {
        return workflowId.toString();
    }
}
