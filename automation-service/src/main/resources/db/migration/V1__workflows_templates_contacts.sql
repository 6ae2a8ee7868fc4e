-- Contacts (project-driven recipients), compiled templates with versions, workflows with their triggers and
-- cadence rules, and workflow runs.

create table contacts (
    id         bigint generated always as identity primary key,
    company_id bigint      not null,
    name       text        not null,
    email      text,
    phone      text check (phone is null or phone ~ '^\+[1-9][0-9]{6,14}$'),
    role       text        not null,
    email_opt_in boolean   not null default true,
    sms_opt_in   boolean   not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (email is not null or phone is not null)
);

create table contact_projects (
    contact_id bigint not null references contacts (id) on delete cascade,
    project_id bigint not null,
    primary key (contact_id, project_id)
);
create index contact_projects_project on contact_projects (project_id);

create table templates (
    id         bigint generated always as identity primary key,
    company_id bigint      not null,
    name       text        not null,
    kind       text        not null check (kind in ('layout', 'component', 'message')),
    created_at timestamptz not null default now(),
    unique (company_id, name)
);

-- versions are immutable: a workflow points at the version it was published with
create table template_versions (
    template_id bigint      not null references templates (id) on delete cascade,
    version     int         not null,
    subject     text,
    body_html   text,
    body_text   text,
    body_sms    text,
    variables   jsonb       not null default '[]',
    created_at  timestamptz not null default now(),
    primary key (template_id, version)
);

create table workflows (
    id                 uuid primary key,
    company_id         bigint      not null,
    name               text        not null,
    status             text        not null default 'draft' check (status in ('draft', 'active', 'paused', 'archived')),
    template_id        bigint      not null references templates (id),
    template_version   int         not null,
    channel            text        not null check (channel in ('EMAIL', 'SMS')),
    fallback_channel   text check (fallback_channel in ('EMAIL', 'SMS')),
    recipient_roles    text[]      not null default '{}',
    multi_project      boolean     not null default false,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    foreign key (template_id, template_version) references template_versions (template_id, version)
);

create table workflow_projects (
    workflow_id uuid   not null references workflows (id) on delete cascade,
    project_id  bigint not null,
    primary key (workflow_id, project_id)
);

create table workflow_triggers (
    workflow_id  uuid not null references workflows (id) on delete cascade,
    trigger_type text not null,
    primary key (workflow_id, trigger_type)
);

create table cadence_rules (
    id           bigint generated always as identity primary key,
    workflow_id  uuid        not null references workflows (id) on delete cascade,
    cron         text        not null,
    time_zone    text        not null default 'UTC',
    next_run_at  timestamptz not null,
    last_run_at  timestamptz
);
create index cadence_rules_due on cadence_rules (next_run_at);

create table workflow_runs (
    id          uuid primary key,
    workflow_id uuid        not null references workflows (id),
    cause       text        not null,
    trigger_id  uuid,
    status      text        not null check (status in ('running', 'completed', 'failed')),
    messages    int         not null default 0,
    started_at  timestamptz not null,
    finished_at timestamptz,
    unique (workflow_id, trigger_id)
);

-- consumers de-duplicate by CloudEvents id (see peptalk-events ProcessedEvents)
create table processed_events (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);
