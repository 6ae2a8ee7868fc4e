package com.peptalk.events.directory;

import com.peptalk.events.DomainEvent;

import java.time.LocalDate;

/** A project was created or changed. {@code timeZone} is an IANA zone id such as {@code America/Chicago}. */
public record ProjectUpserted(long projectId, long companyId, String name, String status, String timeZone,
        LocalDate startDate, LocalDate completionDate) implements DomainEvent {

    @Override
    public String aggregateId() {
        return DirectoryKeys.project(projectId);
    }
}
