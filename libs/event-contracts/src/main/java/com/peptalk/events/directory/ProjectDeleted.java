package com.peptalk.events.directory;

import com.peptalk.events.DomainEvent;

/** A project was deleted or archived. */
public record ProjectDeleted(long projectId, long companyId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return DirectoryKeys.project(projectId);
    }
}
