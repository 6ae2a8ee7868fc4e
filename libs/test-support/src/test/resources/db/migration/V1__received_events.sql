-- processed_events and event_outbox come from the event runtime's own Flyway location (db/peptalk-events)
create table received_projects (
    project_id bigint not null,
    name       text   not null,
    received   int    not null
);
