/**
 * The archive's Jakarta Batch jobs and what runs them: {@link
 * org.penneoarchive.batch.ArchiveCoordinator} starts the jobs (prompt after completions, on its
 * timers, on demand), restarts executions a crash left behind, and lists runs; {@code casefiles}
 * holds the artifacts of the {@code archive-casefiles} job, {@code fixity} those of {@code
 * fixity-audit}.
 *
 * <p>Batch artifacts stay thin: they adapt the archive core ({@code org.penneoarchive.archive}) and
 * the application services of the ejb module to the job, and the fault policy (what is retried,
 * what is skipped into quarantine) is declared in the job XML.
 */
package org.penneoarchive.batch;
