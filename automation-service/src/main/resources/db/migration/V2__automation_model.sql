-- The automation model (issue 11). The skeleton's V1 tables never held data (no code wrote them), so they are
-- replaced here rather than altered column by column; processed_events stays (the event runtime owns it).
drop table if exists workflow_runs, cadence_rules, workflow_triggers, workflow_projects, workflows,
    template_versions, templates, contact_projects, contacts cascade;

-- the directory's projects and project groups, as directory.events tell them (a read model: plain SQL upserts in
-- which an older event never wins)
create table projects (
    project_id bigint primary key,
    company_id bigint      not null,
    name       text        not null,
    time_zone  text,
    deleted    boolean     not null default false,
    updated_at timestamptz not null
);

create table project_groups (
    project_group_id bigint primary key,
    company_id       bigint      not null,
    name             text        not null,
    project_ids      bigint[]    not null default '{}',
    deleted          boolean     not null default false,
    updated_at       timestamptz not null
);

create table contacts (
    id                bigint generated always as identity primary key,
    company_id        bigint      not null,
    name              text        not null,
    email             text,
    phone             text check (phone is null or phone ~ '^\+[1-9][0-9]{6,14}$'),
    preferred_channel text        not null check (preferred_channel in ('EMAIL', 'SMS')),
    locale            text        not null,
    time_zone         text,
    email_opt_in      boolean     not null,
    sms_opt_in        boolean     not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    check (email is not null or phone is not null)
);
create index contacts_email on contacts (lower(email));
create index contacts_phone on contacts (phone);

create table contact_roles (
    contact_id bigint not null references contacts (id) on delete cascade,
    role       text   not null,
    primary key (contact_id, role)
);

create table contact_projects (
    contact_id bigint not null references contacts (id) on delete cascade,
    project_id bigint not null,
    primary key (contact_id, project_id)
);
create index contact_projects_project on contact_projects (project_id);

-- layouts, components and message templates; a name is unique in a company, so {% extends "name" %} and
-- {% include "name" %} mean one thing
create table templates (
    id         bigint generated always as identity primary key,
    company_id bigint      not null,
    name       text        not null,
    kind       text        not null check (kind in ('LAYOUT', 'COMPONENT', 'MESSAGE')),
    channel    text        check (channel in ('EMAIL', 'SMS')),
    created_at timestamptz not null,
    unique (company_id, name)
);

-- versions are immutable: a workflow points at a version; dependencies pins the versions of the layouts and
-- components it was compiled against, so a later layout change never alters a published message
create table template_versions (
    id           bigint generated always as identity primary key,
    template_id  bigint      not null references templates (id) on delete cascade,
    version      int         not null,
    subject      text,
    body_html    text,
    body_text    text,
    body_sms     text,
    variables    jsonb       not null default '[]',
    dependencies jsonb       not null default '{}',
    created_at   timestamptz not null,
    unique (template_id, version)
);

create table workflows (
    id                     uuid primary key,
    company_id             bigint      not null,
    name                   text        not null,
    status                 text        not null check (status in ('ACTIVE', 'PAUSED')),
    trigger_type           text,
    trigger_condition      text,
    cadence_frequency      text check (cadence_frequency in ('DAILY', 'WEEKDAYS', 'WEEKLY', 'MONTHLY', 'EVERY_N_HOURS')),
    cadence_days           text,
    cadence_day_of_month   int,
    cadence_time           time,
    cadence_every_hours    int,
    cadence_starts_on      date,
    cadence_ends_on        date,
    audience_kind          text        not null check (audience_kind in ('EVENT_PROJECT', 'PROJECTS', 'PROJECT_GROUP')),
    audience_group_id      bigint,
    format                 text        not null check (format in ('PER_PROJECT', 'MULTI_PROJECT')),
    channel                text        not null check (channel in ('EMAIL', 'SMS')),
    fallback_channel       text check (fallback_channel in ('EMAIL', 'SMS')),
    template_version_id    bigint      not null references template_versions (id),
    fallback_version_id    bigint references template_versions (id),
    quiet_start            time,
    quiet_end              time,
    cap_messages           int,
    cap_window_seconds     bigint,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    check ((trigger_type is null) <> (cadence_frequency is null))
);
create index workflows_trigger on workflows (trigger_type) where status = 'ACTIVE';

create table workflow_projects (
    workflow_id uuid   not null references workflows (id) on delete cascade,
    project_id  bigint not null,
    primary key (workflow_id, project_id)
);

create table workflow_roles (
    workflow_id uuid not null references workflows (id) on delete cascade,
    role        text not null,
    primary key (workflow_id, role)
);

-- every trigger heard, whether it started anything (an unknown type is recorded and ignored)
create table triggers (
    id           uuid primary key,
    trigger_type text        not null,
    project_id   bigint,
    source       text        not null,
    outcome      text        not null,
    received_at  timestamptz not null
);

create table workflow_runs (
    id                 uuid primary key,
    workflow_id        uuid        not null references workflows (id) on delete cascade,
    cause              text        not null,
    trigger_id         uuid,
    occurrence_at      timestamptz,
    status             text        not null check (status in ('COMPLETED', 'SKIPPED', 'FAILED')),
    reason             text,
    project_ids        bigint[]    not null default '{}',
    audience           int         not null default 0,
    messages           int         not null default 0,
    skipped_capped     int         not null default 0,
    skipped_opted_out  int         not null default 0,
    skipped_no_address int         not null default 0,
    delayed_quiet      int         not null default 0,
    started_at         timestamptz not null,
    finished_at        timestamptz not null,
    -- each event starts each workflow at most once; each cadence occurrence (per time zone) runs at most once
    unique (workflow_id, trigger_id),
    unique (workflow_id, occurrence_at, cause)
);
create index workflow_runs_workflow on workflow_runs (workflow_id, started_at desc);

-- messages requested, for frequency caps (per workflow and contact within the cap's window)
create table requested_messages (
    message_id   uuid primary key,
    run_id       uuid        not null references workflow_runs (id) on delete cascade,
    workflow_id  uuid        not null,
    contact_id   bigint      not null,
    channel      text        not null,
    requested_at timestamptz not null
);
create index requested_messages_cap on requested_messages (workflow_id, contact_id, requested_at);

-- the next occurrence of each cadence workflow, per time zone of its projects
create table cadence_schedule (
    workflow_id uuid        not null references workflows (id) on delete cascade,
    time_zone   text        not null,
    next_at     timestamptz not null,
    primary key (workflow_id, time_zone)
);
