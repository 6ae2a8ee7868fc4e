package com.peptalk.events.directory;

import com.peptalk.events.DomainEvent;

import java.util.List;

/** A project group was created or renamed; {@code projectIds} is its full membership at that moment. */
public record ProjectGroupUpserted(long projectGroupId, long companyId, String name, List<Long> projectIds)
        implements DomainEvent {

    public ProjectGroupUpserted {
        projectIds = List.copyOf(projectIds);
    }

    @Override
    public String aggregateId() {
        return DirectoryKeys.projectGroup(projectGroupId);
    }
}
