-- Optimistic locking of timeline entries: concurrent repeats of one event no longer lose a count.
alter table case_file_event add column version bigint default 0 not null;
