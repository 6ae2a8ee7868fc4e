package com.peptalk.token.directory;

import java.time.Instant;

/** A company as the API shows it. {@code status} is {@code active} or {@code archived}. */
public record CompanyView(long id, String name, String status, Instant createdAt, Instant updatedAt) {

    static final String ARCHIVED = "archived";

    boolean archived() {
        return ARCHIVED.equals(status);
    }
}
