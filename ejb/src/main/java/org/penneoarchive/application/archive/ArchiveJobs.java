package org.penneoarchive.application.archive;

import jakarta.ejb.Local;
import java.time.Instant;
import org.penneoarchive.application.casefile.Page;

/**
 * The archive's jobs, as the rest of the product starts and lists them. Implemented in the batch
 * module (its bean starts the Jakarta Batch jobs, so that JBeret finds their job XML there); the
 * ejb and web modules reach it through this interface.
 */
@Local
public interface ArchiveJobs {

  /**
   * Asks for a case file to be archived soon: requests arriving within a few seconds of each other
   * go into one job, and at most {@code archive.max-concurrent-jobs} archive jobs run at once (the
   * rest wait). Returns at once; never fails for a case file that is not archivable (the job skips
   * it).
   */
  void requestArchive(long penneoId);

  /**
   * Starts a sweep now: every case file still waiting ({@code COMPLETED}) or failed in passing.
   *
   * @return the job execution id
   */
  long startSweep(String requestedBy);

  /**
   * Archives one case file again, also after a quarantine.
   *
   * @return the job execution id
   * @throws org.penneoarchive.application.subscription.NotFoundException for an unknown case file
   * @throws ArchiveRefusedException when it is already archived or not completed
   */
  long archiveAgain(long penneoId, String requestedBy);

  /**
   * Starts a fixity audit of the whole archive now.
   *
   * @return the job execution id
   */
  long startFixityAudit(String requestedBy);

  /** Executions of the archive job, newest first, with their metrics. */
  Page<ArchiveRunView> runs(int page, int size);

  /**
   * Restarts a failed or stopped execution of the archive job from its last checkpoint, with the
   * parameters it was started with; the person restarting it becomes its {@code requestedBy}.
   * Recorded in the audit log.
   *
   * @return the new job execution id
   * @throws org.penneoarchive.application.subscription.NotFoundException when there is no such
   *     execution of the archive job
   * @throws ArchiveRefusedException when it is not failed or stopped, or was restarted already
   */
  long restart(long executionId, String requestedBy);

  /**
   * Asks a running execution of the archive job to stop after the case file it is archiving (the
   * checkpoint after it is kept, so a restart goes on from there). Recorded in the audit log.
   *
   * @throws org.penneoarchive.application.subscription.NotFoundException when there is no such
   *     execution of the archive job
   * @throws ArchiveRefusedException when it is not running
   */
  void stop(long executionId, String requestedBy);

  /** When the {@code archive.schedule} timer starts the next sweep, or null when none is set. */
  Instant nextScheduledRun();

  /** When the {@code fixity.schedule} timer starts the next audit, or null when none is set. */
  Instant nextScheduledAudit();
}
