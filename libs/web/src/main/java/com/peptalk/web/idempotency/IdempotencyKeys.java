package com.peptalk.web.idempotency;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The stored keys and answers, in the service's own database (table {@code idempotency_keys}, created by this
 * library's repeatable migration). Plain SQL: a claim is an {@code INSERT … ON CONFLICT DO NOTHING} committed at
 * once, outside the request's own transaction, so that two concurrent requests with one key cannot both run.
 */
class IdempotencyKeys {

    /** A stored key. {@code status} is {@code null} while the first request is still running. */
    record Stored(byte[] requestHash, Integer status, String contentType, String location, byte[] body,
            boolean bodyWithheld, Instant expiresAt) {

        boolean sameRequest(byte[] hash) {
            return Arrays.equals(requestHash, hash);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Claims the key for a new request; false when it exists (and has not expired). */
    boolean claim(String scope, String key, byte[] requestHash, Instant expiresAt) {
        jdbc.sql("DELETE FROM idempotency_keys WHERE scope = ? AND idempotency_key = ? AND expires_at < ?")
                .params(scope, key, java.sql.Timestamp.from(clock.instant())).update();
        return jdbc.sql("""
                INSERT INTO idempotency_keys (scope, idempotency_key, request_hash, expires_at)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(scope, key, requestHash, java.sql.Timestamp.from(expiresAt)).update() == 1;
    }

    Optional<Stored> find(String scope, String key) {
        return jdbc.sql("""
                SELECT request_hash, status, content_type, location, body, body_withheld, expires_at
                FROM idempotency_keys WHERE scope = ? AND idempotency_key = ?""")
                .params(scope, key)
                .query((rs, row) -> new Stored(rs.getBytes(1), (Integer) rs.getObject(2), rs.getString(3),
                        rs.getString(4), rs.getBytes(5), rs.getBoolean(6), rs.getTimestamp(7).toInstant()))
                .optional();
    }

    void complete(String scope, String key, int status, String contentType, String location, byte[] body,
            boolean bodyWithheld) {
        jdbc.sql("""
                UPDATE idempotency_keys SET status = ?, content_type = ?, location = ?, body = ?, body_withheld = ?
                WHERE scope = ? AND idempotency_key = ?""")
                .params(status, contentType, location, bodyWithheld ? null : body, bodyWithheld, scope, key)
                .update();
    }

    void release(String scope, String key) {
        jdbc.sql("DELETE FROM idempotency_keys WHERE scope = ? AND idempotency_key = ? AND status IS NULL")
                .params(scope, key).update();
    }

    int purgeExpired() {
        return jdbc.sql("DELETE FROM idempotency_keys WHERE expires_at < ?")
                .param(java.sql.Timestamp.from(clock.instant())).update();
    }
}
