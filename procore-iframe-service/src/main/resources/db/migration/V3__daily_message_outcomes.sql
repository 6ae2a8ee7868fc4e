-- The dashboard's 30-day chart: per project, day, channel and outcome, how many messages reached that outcome on
-- that day. A rollup of message_outcomes (the facts), kept by MessageProjection in the transaction that changes a
-- message's facts: it adds the difference between what the message contributed before and after the event, so a
-- duplicate (no change to the facts) adds nothing, and a late or out-of-order event counts on the day it happened.
-- The day is the project's calendar day (projects.time_zone, UTC while the project is unknown); when a project's time
-- zone changes, or the project is first heard of, ProjectProjection counts its rows again from the facts.

-- suppressed: DeliverySuppressed (the address is on the suppression list), on the channel it was not sent on
alter table message_outcomes drop constraint message_outcomes_outcome_check;
alter table message_outcomes add constraint message_outcomes_outcome_check
    check (outcome in ('sent', 'delivered', 'opened', 'clicked', 'failed', 'fallback', 'suppressed'));

create table daily_message_outcomes (
    project_id bigint not null,
    channel    text   not null check (channel in ('EMAIL', 'SMS')),
    day        date   not null,
    outcome    text   not null,
    messages   int    not null,
    primary key (project_id, channel, day, outcome)
);

-- the facts recorded before this table existed, each on its project's day
insert into daily_message_outcomes (project_id, channel, day, outcome, messages)
select p.project_id, o.channel, (o.occurred_at at time zone coalesce(z.name, 'UTC'))::date, o.outcome, count(*)
from messages m
cross join lateral unnest(m.project_ids) as p(project_id)
join message_outcomes o on o.message_id = m.message_id
left join projects pr on pr.project_id = p.project_id
left join pg_timezone_names z on z.name = pr.time_zone
group by 1, 2, 3, 4;
