package com.peptalk.events.directory;

import com.peptalk.events.DomainEvent;

import java.util.List;

/**
 * Projects joined or left a group. {@code projectIds} is the membership after the change, so a consumer that
 * missed an earlier change still ends up right.
 */
public record ProjectGroupMembershipChanged(long projectGroupId, long companyId, List<Long> added,
        List<Long> removed, List<Long> projectIds) implements DomainEvent {

    public ProjectGroupMembershipChanged {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        projectIds = List.copyOf(projectIds);
    }

    @Override
    public String aggregateId() {
        return DirectoryKeys.projectGroup(projectGroupId);
    }
}
