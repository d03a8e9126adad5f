package org.penneoarchive.application.archive;

import java.time.Instant;

/**
 * One execution of the archive job with its metrics.
 *
 * @param executionId the JBeret job execution id
 * @param instanceId the job instance: a restart after a crash is a new execution of the same one
 * @param status the batch status ({@code STARTED}, {@code COMPLETED}, {@code FAILED}, ...)
 * @param kind {@code sweep}, {@code prompt} (completions) or {@code again} (archive again)
 * @param requestedBy who or what started it ({@code schedule}, {@code completion}, a user name)
 * @param caseFiles how many case files it was given (0 for a sweep until it has read them)
 * @param read case files read (step metric READ_COUNT)
 * @param written case files archived or found already archived (WRITE_COUNT)
 * @param filtered case files passed over because they were no longer archivable (FILTER_COUNT)
 * @param skipped case files quarantined or deferred (PROCESS_SKIP_COUNT + WRITE_SKIP_COUNT)
 * @param retried retries after a passing fault
 * @param rollbacks chunk rollbacks (ROLLBACK_COUNT)
 * @param commits chunk commits (COMMIT_COUNT)
 * @param bytes bytes of new bags written
 * @param durationMillis from start to end (or to now while running), or null when not started
 */
public record ArchiveRunView(
    long executionId,
    long instanceId,
    String status,
    String exitStatus,
    String kind,
    String requestedBy,
    int caseFiles,
    long read,
    long written,
    long filtered,
    long skipped,
    long retried,
    long rollbacks,
    long commits,
    long bytes,
    Instant createdAt,
    Instant startedAt,
    Instant endedAt,
    Long durationMillis) {}
