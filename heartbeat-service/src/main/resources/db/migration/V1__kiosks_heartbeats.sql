-- Kiosks and their connectivity state, heartbeat history and hourly rollups, and status flips.

create table kiosks (
    kiosk_id          text primary key,
    project_id        bigint      not null,
    name              text,
    status            text        not null check (status in ('ONLINE', 'LATE', 'OFFLINE')),
    status_since      timestamptz not null,
    last_seen_at      timestamptz not null,
    expected_interval interval,
    app_version       text,
    battery_percent   int check (battery_percent between 0 and 100),
    network           text,
    signal_bars       int check (signal_bars between 0 and 4)
);
create index kiosks_project_status on kiosks (project_id, status);

create table heartbeats (
    kiosk_id        text        not null references kiosks (kiosk_id),
    sent_at         timestamptz not null,
    received_at     timestamptz not null,
    app_version     text,
    battery_percent int,
    network         text,
    signal_bars     int,
    primary key (kiosk_id, sent_at)
);

create table heartbeat_rollups (
    kiosk_id   text        not null references kiosks (kiosk_id),
    hour       timestamptz not null,
    heartbeats int         not null,
    primary key (kiosk_id, hour)
);

create table kiosk_status_flips (
    id         bigint generated always as identity primary key,
    kiosk_id   text        not null references kiosks (kiosk_id),
    from_status text,
    to_status  text        not null,
    flipped_at timestamptz not null
);
create index kiosk_status_flips_kiosk on kiosk_status_flips (kiosk_id, flipped_at desc);

-- consumers de-duplicate by CloudEvents id (see peptalk-events ProcessedEvents)
create table processed_events (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);
