package com.peptalk.events.directory;

import com.peptalk.events.DomainEvent;

/** A company was created or changed. */
public record CompanyUpserted(long companyId, String name, String status) implements DomainEvent {

    @Override
    public String aggregateId() {
        return DirectoryKeys.company(companyId);
    }
}
