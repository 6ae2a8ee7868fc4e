-- The tables of the event runtime (peptalk-events), in every service that uses it. A repeatable migration that
-- Flyway runs after the service's own versioned ones, on a new database and on one where the service's earlier
-- migrations already created these tables: so every statement is idempotent ("if not exists") and this file
-- only ever grows. Never drop or rewrite a statement here; a change that cannot be written idempotently needs a
-- versioned migration in each service. See docs/events.md ("Tables").

-- de-duplication of consumed events by (consumer, ce_id); purged after peptalk.events.purge.processed-events-retention
create table if not exists processed_events (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);
create index if not exists processed_events_processed_at on processed_events (processed_at);

-- the transactional outbox: written in the transaction of the change, relayed to Kafka in seq order, published
-- rows purged after peptalk.events.purge.published-outbox-retention (an empty table where nothing publishes)
create table if not exists event_outbox (
    seq          bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    event_type   text        not null,
    aggregate_id text        not null,
    source       text        not null,
    occurred_at  timestamptz not null,
    payload      jsonb       not null,
    published_at timestamptz
);
create index if not exists event_outbox_pending on event_outbox (seq) where published_at is null;
create index if not exists event_outbox_published_at on event_outbox (published_at) where published_at is not null;

-- ShedLock's lock rows: the outbox relay and the purge run on one replica at a time
create table if not exists shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
