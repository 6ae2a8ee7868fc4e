-- Idempotency-Key store of libs/web (every servlet service with a database). A repeatable migration with
-- idempotent DDL, so that it fits beside each service's own versioned migrations whatever their numbers.
CREATE TABLE IF NOT EXISTS idempotency_keys (
    scope           text        NOT NULL,
    idempotency_key text        NOT NULL,
    request_hash    bytea       NOT NULL,
    status          integer,
    content_type    text,
    location        text,
    body            bytea,
    body_withheld   boolean     NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX IF NOT EXISTS idempotency_keys_expires_at ON idempotency_keys (expires_at);
