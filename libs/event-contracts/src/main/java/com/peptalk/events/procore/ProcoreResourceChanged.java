package com.peptalk.events.procore;

import com.peptalk.events.DomainEvent;

import java.time.Instant;

/**
 * A verified, de-duplicated Procore company webhook: {@code eventType} is {@code create}, {@code update} or
 * {@code delete} of {@code resourceName} (e.g. {@code Observations}); {@code projectId} is absent for
 * company-level resources. {@code deliveryId} is Procore's id of the notification.
 */
public record ProcoreResourceChanged(String deliveryId, long companyId, Long projectId, String resourceName,
        long resourceId, String eventType, Instant occurredAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return resourceName + ":" + resourceId;
    }
}
