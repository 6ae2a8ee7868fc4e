-- Issue 13: kiosks are registered (numbered here; token-service keeps their tokens), start as NEW, and move
-- NEW -> ONLINE (up) -> LATE -> OFFLINE (down), or PAUSED (maintenance, no alerts); every change is a flip.
-- Raw heartbeats are partitioned by day (old days dropped whole), hourly rollups are kept longer.

alter table kiosks drop constraint kiosks_status_check;
alter table kiosks add constraint kiosks_status_check
    check (status in ('NEW', 'ONLINE', 'LATE', 'OFFLINE', 'PAUSED'));
alter table kiosks alter column status set default 'NEW';
alter table kiosks alter column status_since set default now();
-- a NEW kiosk has never been seen
alter table kiosks alter column last_seen_at drop not null;
alter table kiosks add column registered_at timestamptz not null default now();
-- period and grace are per project (project_schedules), not per kiosk
alter table kiosks drop column expected_interval;
-- the sweep's candidates: kiosks that can still go late or offline
create index kiosks_sweep on kiosks (last_seen_at) where status in ('ONLINE', 'LATE');
create index kiosks_status on kiosks (status, status_since);

-- kiosk ids are numbers (token-service's resource_id of the kiosk's token), written as text in events
create sequence kiosk_numbers start with 1000;

-- per-project overrides of peptalk.heartbeats.expected-interval and .grace
create table project_schedules (
    project_id bigint primary key,
    period     interval    not null check (period >= interval '5 seconds'),
    grace      interval    not null check (grace >= interval '0 seconds'),
    updated_at timestamptz not null default now()
);

-- raw heartbeats, one partition per UTC day, created ahead and dropped after peptalk.heartbeats.raw-retention by
-- HeartbeatPartitions; the default partition catches a day not created yet (it stays empty in normal operation)
drop table heartbeats;
create table heartbeats (
    kiosk_id        text        not null,
    sent_at         timestamptz not null,
    received_at     timestamptz not null,
    app_version     text,
    battery_percent int,
    network         text,
    signal_bars     int,
    primary key (kiosk_id, sent_at)
) partition by range (sent_at);
create table heartbeats_default partition of heartbeats default;

create index heartbeat_rollups_hour on heartbeat_rollups (hour);

alter table kiosk_status_flips add column project_id bigint;
alter table kiosk_status_flips add column last_seen_at timestamptz;
create index kiosk_status_flips_at on kiosk_status_flips (flipped_at);
