package com.peptalk.token.directory;

import org.springframework.jdbc.core.RowMapper;

import java.time.Instant;
import java.time.OffsetDateTime;

/** A company as the API shows it. {@code status} is {@code active} or {@code archived}. */
public record CompanyView(long id, String name, String status, Instant createdAt, Instant updatedAt) {

    static final String ARCHIVED = "archived";

    static final String COLUMNS = "id, name, status, created_at, updated_at";

    static final RowMapper<CompanyView> ROWS = (rs, i) -> new CompanyView(rs.getLong("id"), rs.getString("name"),
            rs.getString("status"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            rs.getObject("updated_at", OffsetDateTime.class).toInstant());

    boolean archived() {
        return ARCHIVED.equals(status);
    }
}
