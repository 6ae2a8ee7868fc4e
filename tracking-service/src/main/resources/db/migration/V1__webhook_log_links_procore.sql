-- Every inbound request (SNS/SES, Twilio, Procore, kiosks), its payload and our answer; signed tracking links;
-- Procore delivery de-duplication.

create table webhook_log (
    id              uuid primary key,
    provider        text        not null,
    received_at     timestamptz not null,
    method          text        not null,
    path            text        not null,
    headers         jsonb       not null,
    payload         text,
    response_status int         not null,
    response_body   text,
    outcome         text        not null,
    failure         boolean     not null,
    replay_of       uuid references webhook_log (id)
);
-- newest first, optionally only failures (the Procore deliveries log)
create index webhook_log_newest on webhook_log (received_at desc, id);
create index webhook_log_failures on webhook_log (received_at desc, id) where failure;

create table tracked_links (
    link_key   text primary key,
    message_id uuid        not null,
    url        text        not null,
    created_at timestamptz not null default now()
);
create index tracked_links_message on tracked_links (message_id);

create table procore_deliveries (
    delivery_id text primary key,
    received_at timestamptz not null
);

-- consumers de-duplicate by CloudEvents id (see peptalk-events ProcessedEvents)
create table processed_events (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);
