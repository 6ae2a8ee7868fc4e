-- Messages, their attempts per channel, their timeline of raw events, and the suppression list.

create table messages (
    id                uuid primary key,
    run_id            uuid,
    recipient_name    text,
    email             text,
    phone             text,
    channel           text        not null check (channel in ('EMAIL', 'SMS')),
    fallback_channel  text check (fallback_channel in ('EMAIL', 'SMS')),
    subject           text,
    body_html         text,
    body_text         text,
    body_sms          text,
    project_ids       bigint[]    not null default '{}',
    status            text        not null default 'QUEUED',
    status_rank       int         not null default 0,
    fallback_used     boolean     not null default false,
    not_before        timestamptz,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);

create table delivery_attempts (
    message_id          uuid        not null references messages (id),
    attempt             int         not null,
    channel             text        not null,
    provider            text        not null,
    provider_message_id text,
    outcome             text        not null check (outcome in ('pending', 'accepted', 'failed')),
    failure_reason      text,
    permanent           boolean,
    attempted_at        timestamptz not null,
    primary key (message_id, attempt)
);
create unique index delivery_attempts_provider_id on delivery_attempts (provider, provider_message_id)
    where provider_message_id is not null;

-- every raw event of a message, in arrival order, whatever it did to the status
create table message_events (
    id          bigint generated always as identity primary key,
    message_id  uuid        not null references messages (id),
    kind        text        not null,
    detail      jsonb,
    occurred_at timestamptz not null,
    recorded_at timestamptz not null default now()
);
create index message_events_message on message_events (message_id, id);

create table suppressions (
    channel    text        not null check (channel in ('EMAIL', 'SMS')),
    address    text        not null,
    reason     text        not null,
    created_at timestamptz not null default now(),
    primary key (channel, address)
);

-- consumers de-duplicate by CloudEvents id (see peptalk-events ProcessedEvents)
create table processed_events (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);
