package com.peptalk.token.directory;

import org.springframework.dao.DataIntegrityViolationException;

import java.sql.SQLException;

/** Tells a unique-key violation (SQLSTATE 23505) from the other integrity violations a write may meet. */
final class UniqueKeys {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueKeys() {
    }

    static boolean violated(DataIntegrityViolationException ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
