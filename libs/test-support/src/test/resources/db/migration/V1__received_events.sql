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
