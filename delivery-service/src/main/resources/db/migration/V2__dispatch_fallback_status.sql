-- Dispatch, fallback and forward-only status (issue 12).

alter table messages add column workflow_id uuid;
-- a dispatcher owns a message from claimed_at (a conditional update, so two replicas never both send it);
-- dispatched_at is set once its primary channel has an outcome
alter table messages add column claimed_at timestamptz;
alter table messages add column dispatched_at timestamptz;
-- set once, by the conditional update that starts the fallback: never two fallbacks for one message
alter table messages add column fallback_started_at timestamptz;
alter table messages add column fallback_reason text;
create index messages_due on messages (coalesce(not_before, created_at)) where dispatched_at is null;
create index messages_created on messages (created_at desc);
create index messages_run on messages (run_id);
create index messages_projects on messages using gin (project_ids);

-- attempt 1 is the primary channel, attempt 2 the fallback: the primary key allows one fallback attempt only
alter table delivery_attempts add column address text;
alter table delivery_attempts add column request_summary jsonb;
alter table delivery_attempts add column provider_answer jsonb;
alter table delivery_attempts add column status text not null default 'QUEUED';
alter table delivery_attempts add column status_rank int not null default 0;
alter table delivery_attempts add column finished_at timestamptz;
alter table delivery_attempts add constraint delivery_attempts_attempt check (attempt in (1, 2));
create unique index delivery_attempts_channel on delivery_attempts (message_id, channel);
create index delivery_attempts_overdue on delivery_attempts (attempted_at) where attempt = 1 and outcome = 'accepted';

alter table suppressions add column source text;
alter table suppressions add column updated_at timestamptz not null default now();
create index suppressions_created on suppressions (created_at desc);
