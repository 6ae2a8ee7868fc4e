package com.peptalk.events.directory;

import com.peptalk.events.DomainEvent;

/** A project group was deleted; its token stops working (a {@code token.events} revocation follows). */
public record ProjectGroupDeleted(long projectGroupId, long companyId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return DirectoryKeys.projectGroup(projectGroupId);
    }
}
