package com.peptalk.events.directory;

import com.peptalk.events.DomainEvent;

/** A user of a company was created or changed. */
public record UserUpserted(long userId, long companyId, String name, String email, String role)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return DirectoryKeys.user(userId);
    }
}
