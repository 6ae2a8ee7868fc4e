-- The transactional outbox of peptalk-events: directory and token events are written here in the transaction
-- that changes the data, and relayed to Kafka after commit.
create table event_outbox (
    seq          bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    event_type   text        not null,
    aggregate_id text        not null,
    source       text        not null,
    occurred_at  timestamptz not null,
    payload      jsonb       not null,
    published_at timestamptz
);
create index event_outbox_pending on event_outbox (seq) where published_at is null;
