package com.peptalk.token.directory;

import org.springframework.jdbc.core.RowMapper;

import java.time.Instant;
import java.time.OffsetDateTime;

/** A user as the API shows it. {@code status} is {@code active} or {@code deactivated}. */
public record UserView(long id, long companyId, String name, String email, String role, String status,
        Instant createdAt, Instant updatedAt) {

    static final String DEACTIVATED = "deactivated";
    /** {@code @Email} alone accepts {@code someone@localhost}, which no one can mail from a construction site. */
    static final String EMAIL_WITH_DOMAIN = ".+@[^@]+\\.[^@]+";
    /** A role is a short lowercase slug ({@code member}, {@code admin}, {@code safety-manager}). */
    static final String ROLE = "[a-z][a-z0-9_-]{0,49}";

    static final String COLUMNS = "id, company_id, name, email, role, status, created_at, updated_at";

    static final RowMapper<UserView> ROWS = (rs, i) -> new UserView(rs.getLong("id"), rs.getLong("company_id"),
            rs.getString("name"), rs.getString("email"), rs.getString("role"), rs.getString("status"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            rs.getObject("updated_at", OffsetDateTime.class).toInstant());

    boolean deactivated() {
        return DEACTIVATED.equals(status);
    }
}
