-- What a replay needs to run a stored request again (its query, and a digest of its credential instead of the
-- credential), and what the log shows of our answer (its header fields).
alter table webhook_log
    add column query             text,
    add column credential_digest text,
    add column response_headers  jsonb not null default '{}'::jsonb;
create index webhook_log_provider on webhook_log (provider, received_at desc, id);

-- De-duplication of every provider's deliveries by the provider's own id (SNS MessageId, Twilio MessageSid and
-- status, Procore ulid), written in the transaction that logs the request and fills the outbox.
create table webhook_receipts (
    provider    text        not null,
    receipt_key text        not null,
    received_at timestamptz not null,
    primary key (provider, receipt_key)
);
create index webhook_receipts_received_at on webhook_receipts (received_at);

-- Signed links carry what they need (libs/tracking-links), and Procore deliveries are de-duplicated with the others
-- above: the skeleton's tables for them are not needed.
drop table tracked_links;
drop table procore_deliveries;

-- the retention purge deletes old entries; a newer replay keeps its place and forgets what it replayed
alter table webhook_log drop constraint webhook_log_replay_of_fkey,
    add constraint webhook_log_replay_of_fkey foreign key (replay_of) references webhook_log (id) on delete set null;
