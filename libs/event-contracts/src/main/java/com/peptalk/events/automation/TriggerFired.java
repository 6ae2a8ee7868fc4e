package com.peptalk.events.automation;

import com.peptalk.events.DomainEvent;

import java.util.Map;
import java.util.UUID;

/**
 * Something happened that may start workflows: {@code triggerType} such as {@code procore.observations.create},
 * {@code kiosk.offline} or {@code manual}, for one project, with the facts templates may use.
 */
public record TriggerFired(UUID triggerId, String triggerType, long projectId, Map<String, Object> payload)
        implements DomainEvent {

    public TriggerFired {
        payload = Map.copyOf(payload);
    }

    @Override
    public String aggregateId() {
        return Long.toString(projectId);
    }
}
