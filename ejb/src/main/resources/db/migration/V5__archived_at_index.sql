-- The dashboard counts archived documents per day over the last 14 days.
create index ix_archived_document_archived_at on archived_document (archived_at);
