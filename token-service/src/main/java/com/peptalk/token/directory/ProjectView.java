package com.peptalk.token.directory;

import org.springframework.jdbc.core.RowMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A project as the API shows it. {@code status} is {@code active}, {@code inactive} or {@code archived}. */
public record ProjectView(long id, long companyId, String name, String status, String timeZone,
        LocalDate startDate, LocalDate completionDate, Instant createdAt, Instant updatedAt) {

    static final String ARCHIVED = "archived";

    static final String COLUMNS =
            "id, company_id, name, status, time_zone, start_date, completion_date, created_at, updated_at";

    static final RowMapper<ProjectView> ROWS = (rs, i) -> new ProjectView(rs.getLong("id"),
            rs.getLong("company_id"), rs.getString("name"), rs.getString("status"), rs.getString("time_zone"),
            rs.getObject("start_date", LocalDate.class), rs.getObject("completion_date", LocalDate.class),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            rs.getObject("updated_at", OffsetDateTime.class).toInstant());

    boolean archived() {
        return ARCHIVED.equals(status);
    }
}
