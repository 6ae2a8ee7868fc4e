package com.peptalk.token.directory;

import java.time.Instant;
import java.time.LocalDate;

/** A project as the API shows it. {@code status} is {@code active}, {@code inactive} or {@code archived}. */
public record ProjectView(long id, long companyId, String name, String status, String timeZone,
        LocalDate startDate, LocalDate completionDate, Instant createdAt, Instant updatedAt) {

    static final String ARCHIVED = "archived";

    boolean archived() {
        return ARCHIVED.equals(status);
    }
}
