package com.peptalk.events.automation;

import com.peptalk.events.DomainEvent;

import java.util.List;
import java.util.UUID;

/** A workflow was created or changed; {@code status} is {@code draft}, {@code active}, {@code paused} or {@code archived}. */
public record WorkflowUpserted(UUID workflowId, long companyId, String name, String status, List<Long> projectIds)
        implements DomainEvent {

    public WorkflowUpserted {
        projectIds = List.copyOf(projectIds);
    }

    @Override
    public String aggregateId() {
        return workflowId.toString();
    }
}
