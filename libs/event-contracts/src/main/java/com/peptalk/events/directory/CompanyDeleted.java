package com.peptalk.events.directory;

import com.peptalk.events.DomainEvent;

/** A company was deleted or archived; its projects and groups follow with their own events. */
public record CompanyDeleted(long companyId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return DirectoryKeys.company(companyId);
    }
}
