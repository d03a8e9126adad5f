-- penneo-archive schema, version 1: subscriptions, notifications as delivered, the case-file
-- timeline and state. Portable SQL for H2 2.x and PostgreSQL 15 (runs in the product's own
-- schema, set by Flyway). Times are stored with time zone and microseconds.

create sequence subscription_seq start with 1 increment by 50;
create sequence case_file_seq start with 1 increment by 50;
create sequence case_file_event_seq start with 1 increment by 50;
create sequence delivery_seq start with 1 increment by 50;
create sequence rejected_delivery_seq start with 1 increment by 50;
create sequence signer_seq start with 1 increment by 50;

create table subscription (
  id bigint primary key,
  service varchar(16) not null,
  topic varchar(32),
  event_types varchar(2000),
  endpoint_key varchar(64) not null,
  state varchar(32) not null,
  penneo_id varchar(64),
  secret varchar(256),
  previous_secret varchar(256),
  previous_secret_until timestamp(6) with time zone,
  pending_token varchar(512),
  created_at timestamp(6) with time zone not null,
  confirmed_at timestamp(6) with time zone,
  last_error varchar(2000),
  version bigint not null,
  constraint uk_subscription_endpoint_key unique (endpoint_key)
);

create table case_file (
  id bigint primary key,
  penneo_id bigint not null,
  title varchar(1000),
  state varchar(32) not null,
  penneo_status integer,
  deleted_at_penneo boolean not null,
  completed_at timestamp(6) with time zone,
  completion_confirmed boolean not null,
  rejected_at timestamp(6) with time zone,
  expired_at timestamp(6) with time zone,
  failed_at timestamp(6) with time zone,
  archive_status varchar(16) not null,
  needs_enrichment boolean not null,
  completion_check_pending boolean not null,
  quarantine_reason varchar(2000),
  bag_path varchar(1000),
  latest_event_time timestamp(6) with time zone,
  created_at timestamp(6) with time zone not null,
  last_activity_at timestamp(6) with time zone not null,
  version bigint not null,
  constraint uk_case_file_penneo_id unique (penneo_id)
);
create index ix_case_file_state on case_file (state);
create index ix_case_file_activity on case_file (last_activity_at);

create table signer (
  id bigint primary key,
  penneo_id bigint not null,
  case_file_penneo_id bigint,
  name varchar(500),
  state varchar(32),
  state_time timestamp(6) with time zone,
  version bigint not null,
  constraint uk_signer_penneo_id unique (penneo_id)
);
create index ix_signer_case_file on signer (case_file_penneo_id);

-- One row per distinct event (CONTRACT's event identity); repeats count in deliveries.
create table case_file_event (
  id bigint primary key,
  event_key varchar(200) not null,
  topic varchar(16) not null,
  event_type varchar(64) not null,
  known_type boolean not null,
  case_file_penneo_id bigint,
  signer_penneo_id bigint,
  event_time timestamp(6) with time zone not null,
  first_received_at timestamp(6) with time zone not null,
  deliveries integer not null,
  late boolean not null,
  status integer,
  x_event_id varchar(200),
  constraint uk_case_file_event_key unique (event_key)
);
create index ix_event_case_file on case_file_event (case_file_penneo_id, event_time);
create index ix_event_signer on case_file_event (signer_penneo_id, event_time);

-- Every accepted webhook call, as it arrived (body at most 64 KiB).
create table delivery (
  id bigint primary key,
  subscription_id bigint not null,
  message_id varchar(200) not null,
  received_at timestamp(6) with time zone not null,
  processed_at timestamp(6) with time zone not null,
  content_type varchar(200),
  x_event_type varchar(200),
  x_event_id varchar(200),
  outcome varchar(32) not null,
  detail varchar(2000),
  event_id bigint,
  body varchar(70000) not null,
  constraint uk_delivery_message unique (message_id)
);
create index ix_delivery_subscription on delivery (subscription_id, received_at);
create index ix_delivery_event on delivery (event_id);

-- Refused webhook calls (never enqueued), capped by pruning the oldest.
create table rejected_delivery (
  id bigint primary key,
  received_at timestamp(6) with time zone not null,
  endpoint_key varchar(100),
  http_status integer not null,
  reason varchar(1000) not null,
  content_type varchar(200),
  body_bytes bigint not null,
  body_excerpt varchar(4200)
);
create index ix_rejected_received on rejected_delivery (received_at);
create index ix_rejected_key on rejected_delivery (endpoint_key, received_at);
