create table processed_events (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);

create table received_projects (
    project_id bigint not null,
    name       text   not null,
    received   int    not null
);

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
