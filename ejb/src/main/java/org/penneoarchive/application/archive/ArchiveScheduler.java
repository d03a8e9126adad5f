package org.penneoarchive.application.archive;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Where the rest of the product asks for a case file to be archived. Intake fires {@link
 * CaseFileCompleted} once Penneo's API has confirmed a completion; the archive is requested only
 * after that transaction committed, so a job never looks for a completion that rolled back. Calling
 * {@link #requestArchive} directly (after commit) does the same.
 */
@ApplicationScoped
public class ArchiveScheduler {

  @EJB ArchiveJobs jobs;

  /** Archive this case file soon (coalesced with others into one job; see {@link ArchiveJobs}). */
  public void requestArchive(long penneoId) {
    jobs.requestArchive(penneoId);
  }

  void onCompleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CaseFileCompleted event) {
    requestArchive(event.penneoId());
  }
}
