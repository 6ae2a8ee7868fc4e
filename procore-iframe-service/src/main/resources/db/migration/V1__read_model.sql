-- The iframe's read model, built only from events (directory.events, comms.*, kiosk.status-changes):
-- the dashboard never calls another service per request.

-- projection of directory.events: what the project list and dashboard headers show
create table projects (
    project_id bigint primary key,
    company_id bigint      not null,
    name       text        not null,
    status     text        not null,
    time_zone  text        not null,
    deleted    boolean     not null default false,
    updated_at timestamptz not null
);

-- one row per message we heard of, so that status events (which carry only the message id) can be
-- attributed to its projects and channel, and counted once per status
create table messages (
    message_id   uuid primary key,
    channel      text        not null,
    project_ids  bigint[]    not null,
    requested_at timestamptz not null,
    last_status  text
);

-- per project, day and channel: counts of each outcome, the source of the 7/30 day metrics
create table project_message_stats (
    project_id bigint not null,
    day        date   not null,
    channel    text   not null,
    sent       int    not null default 0,
    delivered  int    not null default 0,
    failed     int    not null default 0,
    opened     int    not null default 0,
    clicked    int    not null default 0,
    primary key (project_id, day, channel)
);

create table kiosks (
    kiosk_id     text primary key,
    project_id   bigint      not null,
    status       text        not null check (status in ('ONLINE', 'LATE', 'OFFLINE')),
    last_seen_at timestamptz,
    changed_at   timestamptz not null
);
create index kiosks_project on kiosks (project_id);

-- consumers de-duplicate by CloudEvents id (see peptalk-events ProcessedEvents)
create table processed_events (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);
