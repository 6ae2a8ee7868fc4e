-- The directory (companies, projects, project groups, users) and the polymorphic api_tokens table of the
-- Procore integration guide: no token column on any resource; a token row points at its resource by
-- (resource_type, resource_id) and says what it is by api_token_type.

create table companies (
    id         bigint generated always as identity primary key,
    name       text        not null check (length(trim(name)) > 0),
    status     text        not null default 'active' check (status in ('active', 'archived')),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

create table projects (
    id              bigint generated always as identity primary key,
    company_id      bigint      not null references companies (id),
    name            text        not null check (length(trim(name)) > 0),
    status          text        not null default 'active' check (status in ('active', 'inactive', 'archived')),
    time_zone       text        not null default 'UTC',
    start_date      date,
    completion_date date,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    check (completion_date is null or start_date is null or completion_date >= start_date)
);
create index projects_company on projects (company_id);

create table project_groups (
    id         bigint generated always as identity primary key,
    company_id bigint      not null references companies (id),
    name       text        not null check (length(trim(name)) > 0),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (company_id, name)
);

-- a project may belong to several groups
create table project_group_members (
    project_group_id bigint not null references project_groups (id) on delete cascade,
    project_id       bigint not null references projects (id) on delete cascade,
    primary key (project_group_id, project_id)
);
create index project_group_members_project on project_group_members (project_id);

create table users (
    id         bigint generated always as identity primary key,
    company_id bigint      not null references companies (id),
    name       text        not null check (length(trim(name)) > 0),
    email      text        not null,
    role       text        not null default 'member',
    status     text        not null default 'active' check (status in ('active', 'deactivated')),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create unique index users_company_email on users (company_id, lower(email));

-- The secret itself is never stored: token_hash (a keyed hash) finds a presented token, token_ciphertext
-- (encrypted with the key named by key_id) lets an admin read it back ("copy the token").
create table api_tokens (
    id               uuid primary key,
    resource_type    text        not null check (resource_type in ('Company', 'Project', 'ProjectGroup', 'User', 'Kiosk')),
    resource_id      bigint      not null,
    api_token_type   text        not null check (api_token_type in ('company', 'project', 'project_group', 'user', 'kiosk')),
    company_id       bigint      not null references companies (id),
    display_prefix   text        not null,
    token_hash       bytea       not null unique,
    token_ciphertext bytea       not null,
    key_id           text        not null,
    status           text        not null default 'active' check (status in ('active', 'rotated', 'revoked')),
    expires_at       timestamptz,
    replaced_by      uuid references api_tokens (id),
    created_at       timestamptz not null default now(),
    revoked_at       timestamptz,
    last_used_at     timestamptz
);
create index api_tokens_resource on api_tokens (resource_type, resource_id);
-- "Each project group has at most one API token"; so does a project
create unique index api_tokens_one_active_per_project_or_group on api_tokens (resource_type, resource_id)
    where status = 'active' and resource_type in ('Project', 'ProjectGroup');

-- consumers de-duplicate by CloudEvents id (see peptalk-events ProcessedEvents)
create table processed_events (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);
