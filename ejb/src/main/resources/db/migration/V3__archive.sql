-- penneo-archive schema, version 3: the archive. Each archived document with its fixity and
-- seal check; the last archive failure of a case file (quarantine reason, whether a sweep may
-- retry it); fixity audits and what they found. Job executions and their step metrics are in
-- JBeret's own tables (same database, its own schema objects). Portable SQL for H2 2.x and
-- PostgreSQL 15.

create sequence archived_document_seq start with 1 increment by 50;
create sequence archive_failure_seq start with 1 increment by 50;
create sequence fixity_audit_seq start with 1 increment by 50;
create sequence fixity_finding_seq start with 1 increment by 50;

-- One row per Penneo document, written in the same transaction that marks its case file
-- ARCHIVED: the unique key makes a second copy impossible.
create table archived_document (
  id bigint primary key,
  case_file_penneo_id bigint not null,
  penneo_document_id bigint not null,
  title varchar(1000),
  file_name varchar(400) not null,
  size_bytes bigint not null,
  pages integer not null,
  sha256 varchar(64) not null,
  sha512 varchar(128) not null,
  signature_valid boolean not null,
  seal_reason varchar(1000) not null,
  signer_subject varchar(1000),
  xades_files integer not null,
  file_path varchar(2000) not null,
  archived_at timestamp(6) with time zone not null,
  job_execution_id bigint,
  constraint uk_archived_document unique (penneo_document_id)
);
create index ix_archived_document_case_file on archived_document (case_file_penneo_id);

-- The latest failure of a case file's archiving; removed when the case file is archived.
-- retryable: a passing fault (Penneo or the disk), taken again by the next sweep; otherwise
-- quarantined until staff ask to archive it again.
create table archive_failure (
  id bigint primary key,
  case_file_penneo_id bigint not null,
  reason varchar(2000) not null,
  retryable boolean not null,
  attempts integer not null,
  first_failed_at timestamp(6) with time zone not null,
  last_failed_at timestamp(6) with time zone not null,
  quarantine_path varchar(2000),
  job_execution_id bigint,
  version bigint not null,
  constraint uk_archive_failure_case_file unique (case_file_penneo_id)
);
create index ix_archive_failure_retryable on archive_failure (retryable, last_failed_at);

-- One row per execution of the fixity-audit job.
create table fixity_audit (
  id bigint primary key,
  job_execution_id bigint not null,
  requested_by varchar(200),
  started_at timestamp(6) with time zone not null,
  finished_at timestamp(6) with time zone,
  bags_checked integer not null,
  bags_failed integer not null,
  files_checked bigint not null,
  bytes_checked bigint not null,
  status varchar(16) not null,
  version bigint not null,
  constraint uk_fixity_audit_execution unique (job_execution_id)
);
create index ix_fixity_audit_started on fixity_audit (started_at);

-- What an audit found wrong with a bag (at most a few lines per bag).
create table fixity_finding (
  id bigint primary key,
  audit_id bigint not null,
  bag_path varchar(2000) not null,
  kind varchar(16) not null,
  detail varchar(2000) not null
);
create index ix_fixity_finding_audit on fixity_finding (audit_id);
