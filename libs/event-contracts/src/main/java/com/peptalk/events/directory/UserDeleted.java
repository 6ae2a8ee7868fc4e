package com.peptalk.events.directory;

import com.peptalk.events.DomainEvent;

/** A user was deleted or deactivated. */
public record UserDeleted(long userId, long companyId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return DirectoryKeys.user(userId);
    }
}
