-- penneo-archive schema, version 4: the records console. The audit log of every staff and
-- admin action, and the indexes that keep the console's case-file list fast with 100,000 case
-- files (sorted pages and date ranges read an index instead of sorting the table; counts by
-- state read the state index). Portable SQL for H2 2.x and PostgreSQL 15.

create sequence audit_entry_seq start with 1 increment by 50;

-- Append-only: rows are never updated or deleted by the product.
create table audit_entry (
  id bigint primary key,
  at timestamp(6) with time zone not null,
  actor varchar(200) not null,
  action varchar(100) not null,
  target varchar(500),
  detail varchar(2000)
);
create index ix_audit_at on audit_entry (at);
create index ix_audit_actor on audit_entry (actor, at);
create index ix_audit_target on audit_entry (target, at);

-- Case-file list: each sortable column and the state filter combined with the default order.
create index ix_case_file_state_activity on case_file (state, last_activity_at);
create index ix_case_file_title on case_file (title);
create index ix_case_file_created on case_file (created_at);
create index ix_case_file_completed on case_file (completed_at);

-- Dashboard chart: notifications (accepted calls) and distinct events per day.
create index ix_event_received on case_file_event (first_received_at);
create index ix_delivery_received on delivery (received_at);
