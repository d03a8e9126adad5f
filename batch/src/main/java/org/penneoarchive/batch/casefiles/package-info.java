/**
 * The {@code archive-casefiles} job (see {@code META-INF/batch-jobs/archive-casefiles.xml}): one
 * item is one case file. The reader hands out case-file ids from a list fixed when the job starts
 * (a {@link org.penneoarchive.batch.casefiles.ArchiveCheckpoint} holds the list and the position,
 * so a restart resumes after the last committed case file); the processor downloads, checks and
 * prepares a case file's documents ({@link org.penneoarchive.batch.casefiles.CaseFileArchiver});
 * the writer puts the bag in place and records it in the same transaction. Passing faults are
 * retried ({@link org.penneoarchive.batch.casefiles.TransientArchiveException}); a case file that
 * cannot be archived is skipped into quarantine ({@link
 * org.penneoarchive.batch.casefiles.CaseFileQuarantinedException}), and the job goes on.
 */
package org.penneoarchive.batch.casefiles;
