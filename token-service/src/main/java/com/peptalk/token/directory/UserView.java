package com.peptalk.token.directory;

import java.time.Instant;

/** A user as the API shows it. {@code status} is {@code active} or {@code deactivated}. */
public record UserView(long id, long companyId, String name, String email, String role, String status,
        Instant createdAt, Instant updatedAt) {

    static final String DEACTIVATED = "deactivated";
    /** {@code @Email} alone accepts {@code someone@localhost}, which no one can mail from a construction site. */
    static final String EMAIL_WITH_DOMAIN = ".+@[^@]+\\.[^@]+";
    /** A role is a short lowercase slug ({@code member}, {@code admin}, {@code safety-manager}). */
    static final String ROLE = "[a-z][a-z0-9_-]{0,49}";

    boolean deactivated() {
        return DEACTIVATED.equals(status);
    }
}
