-- Kiosk tokens (api_token_type 'kiosk'). Kiosks are registered in heartbeat-service, which owns them; token-service
-- keeps only what a kiosk token's introspection answers: the kiosk's project (and through it the company), so a
-- kiosk sees exactly one project and stops working when that project is archived.
create table kiosk_token_owners (
    kiosk_id      bigint primary key check (kiosk_id > 0),
    project_id    bigint      not null references projects (id),
    registered_at timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create index kiosk_token_owners_project on kiosk_token_owners (project_id);

-- at most one active token per kiosk, as for projects and groups
create unique index api_tokens_one_active_per_kiosk on api_tokens (resource_id)
    where status = 'active' and resource_type = 'Kiosk';
