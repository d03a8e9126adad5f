-- penneo-archive schema, version 2: secret rotation, Penneo checks of case files and signers,
-- staff tasks, processing failures and dead letters.

-- During a secret rotation the previous endpoint key (and secret) still route to the subscription.
alter table subscription add column previous_endpoint_key varchar(64);
create index ix_subscription_previous_key on subscription (previous_endpoint_key);

-- Enrichment and the API check before COMPLETED are retried apart from applying events.
alter table case_file add column check_attempts integer default 0 not null;
alter table case_file add column next_check_at timestamp(6) with time zone;
alter table case_file add column last_check_error varchar(1000);
create index ix_case_file_checks on case_file (next_check_at);

alter table signer add column check_attempts integer default 0 not null;
alter table signer add column next_check_at timestamp(6) with time zone;

-- How an event reached us: a webhook, or reconciliation with Penneo's API.
alter table case_file_event add column source varchar(16) default 'webhook' not null;

create sequence staff_task_seq start with 1 increment by 50;
create sequence task_comment_seq start with 1 increment by 50;
create sequence processing_failure_seq start with 1 increment by 50;
create sequence dead_letter_seq start with 1 increment by 50;

-- Work for records staff: a rejected, expired or failed case file, an undeliverable signer, an
-- archive that failed. One open task per (kind, case file, signer).
create table staff_task (
  id bigint primary key,
  kind varchar(32) not null,
  task_key varchar(200) not null,
  case_file_penneo_id bigint,
  signer_penneo_id bigint,
  state varchar(16) not null,
  summary varchar(1000) not null,
  assignee varchar(200),
  created_at timestamp(6) with time zone not null,
  updated_at timestamp(6) with time zone not null,
  resolved_at timestamp(6) with time zone,
  resolved_by varchar(200),
  version bigint not null,
  constraint uk_staff_task_key unique (task_key)
);
create index ix_staff_task_state on staff_task (state, created_at);
create index ix_staff_task_case_file on staff_task (case_file_penneo_id);

create table task_comment (
  id bigint primary key,
  task_id bigint not null,
  author varchar(200) not null,
  written_at timestamp(6) with time zone not null,
  body varchar(4000) not null
);
create index ix_task_comment_task on task_comment (task_id, written_at);

-- The latest failure of each notification whose processing failed (kept for dead letters).
create table processing_failure (
  id bigint primary key,
  intake_id varchar(200) not null,
  attempts integer not null,
  last_error varchar(4000) not null,
  last_failed_at timestamp(6) with time zone not null,
  constraint uk_processing_failure_intake unique (intake_id)
);

-- Notifications that kept failing and left the notification queue; replayable.
create table dead_letter (
  id bigint primary key,
  intake_id varchar(200) not null,
  subscription_id bigint,
  envelope varchar(80000) not null,
  dead_lettered_at timestamp(6) with time zone not null,
  last_error varchar(4000),
  attempts integer,
  state varchar(16) not null,
  handled_at timestamp(6) with time zone,
  handled_by varchar(200),
  constraint uk_dead_letter_intake unique (intake_id)
);
create index ix_dead_letter_state on dead_letter (state, dead_lettered_at);
