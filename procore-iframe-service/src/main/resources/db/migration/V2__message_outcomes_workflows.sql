-- The dashboard's numbers come from facts, not from counters: one row per message and one per (message, channel,
-- outcome). Counting rows is idempotent and order-tolerant by construction (a duplicate or a status arriving
-- before its SendRequested changes nothing), so replaying the topics into an empty read model gives the same
-- numbers. V1's per-day counters could not do that (a counter does not know what it already counted).
drop table project_message_stats;

-- the rank of a message now lives in message_outcomes
alter table messages drop column last_status;

-- projects a message counts for: "project_ids @> array[?]"
create index messages_projects on messages using gin (project_ids);
create index messages_requested_at on messages (requested_at);

-- what became of a message on a channel, from comms.delivery-events and comms.status-events. A message counts
-- at most once per channel and outcome, whatever order and however often the events arrive; the earliest event
-- of each kind wins (occurred_at, detail), so the result does not depend on arrival order either.
--   sent      DeliveryAccepted, or a SENT status
--   delivered DELIVERED          opened  OPENED          clicked  CLICKED
--   failed    DeliveryFailed with permanent = true; BOUNCED, UNDELIVERED, FAILED, COMPLAINED (detail: the reason)
--   fallback  FallbackStarted, on the channel that gave up (detail: the channel it fell back to)
create table message_outcomes (
    message_id  uuid        not null,
    channel     text        not null check (channel in ('EMAIL', 'SMS')),
    outcome     text        not null check (outcome in ('sent', 'delivered', 'opened', 'clicked', 'failed', 'fallback')),
    occurred_at timestamptz not null,
    detail      text,
    primary key (message_id, channel, outcome)
);
create index message_outcomes_failures on message_outcomes (occurred_at desc) where outcome = 'failed';

-- from automation.workflow-events: WorkflowUpserted (a newer event wins) ...
create table workflows (
    workflow_id uuid primary key,
    company_id  bigint      not null,
    name        text        not null,
    status      text        not null,
    project_ids bigint[]    not null,
    updated_at  timestamptz not null
);
create index workflows_projects on workflows using gin (project_ids);

-- ... and WorkflowRunFinished (a run finishes once; a repeat changes nothing)
create table workflow_runs (
    run_id        uuid primary key,
    workflow_id   uuid        not null,
    workflow_name text,
    project_ids   bigint[]    not null,
    cause         text,
    status        text,
    messages      int         not null,
    started_at    timestamptz,
    finished_at   timestamptz not null
);
create index workflow_runs_latest on workflow_runs (workflow_id, finished_at desc);
