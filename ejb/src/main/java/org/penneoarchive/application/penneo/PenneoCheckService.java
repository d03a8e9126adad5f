package org.penneoarchive.application.penneo;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.penneoarchive.infrastructure.config.PenneoClients;
import org.penneoarchive.infrastructure.config.PenneoNotConfiguredException;
import org.penneoarchive.infrastructure.penneo.PenneoApiException;
import org.penneoarchive.infrastructure.penneo.SignerInfo;

/**
 * Looks at Penneo's API for what notifications cannot be trusted with: the title and signers of a
 * thin payload (enrichment), the case file's status before it may become {@code COMPLETED}
 * (irreversible, so it trusts Penneo and not the payload), and the case file of a signer whose
 * payload did not say. Runs apart from applying events and outside any transaction; what cannot be
 * checked now is retried ({@link CheckBackoff}), never dead-lettered.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PenneoCheckService {

  private static final Logger LOG = Logger.getLogger(PenneoCheckService.class.getName());
  static final int BATCH = 50;

  @Inject PenneoClients penneo;
  @Inject PenneoCheckRecorder recorder;

  /** Checks the case file on another thread, then calls {@code done}. */
  @Asynchronous
  public void checkSoon(long caseFilePenneoId, Runnable done) {
    try {
      checkCaseFile(caseFilePenneoId);
    } finally {
      done.run();
    }
  }

  /** Checks what is due; returns how many case files and signers were looked at. */
  public int runDue() {
    int n = 0;
    for (long id : recorder.dueCaseFiles(BATCH)) {
      checkCaseFile(id);
      n++;
    }
    for (long id : recorder.dueSigners(BATCH)) {
      lookUpSigner(id);
      n++;
    }
    return n;
  }

  public void checkCaseFile(long id) {
    try {
      var info = penneo.client().getCaseFile(id);
      List<SignerInfo> signers =
          info.isPresent() ? penneo.client().getCaseFileSigners(id) : List.of();
      recorder.caseFileChecked(id, info, signers);
    } catch (PenneoApiException | PenneoNotConfiguredException e) {
      LOG.warning(
          () -> "Case file " + id + ": check at Penneo failed, will retry: " + e.getMessage());
      recordFailure(id, e.getMessage());
    } catch (EJBException e) {
      // Another check of the same case file won the race; the next run sees its result.
      LOG.fine(() -> "Case file " + id + ": concurrent check, result not applied: " + e);
    }
  }

  private void recordFailure(long id, String error) {
    try {
      recorder.caseFileCheckFailed(id, error);
    } catch (EJBException e) {
      LOG.fine(() -> "Case file " + id + ": could not record the failed check: " + e);
    }
  }

  public void lookUpSigner(long signerId) {
    try {
      recorder.signerLookedUp(signerId, penneo.client().getSigner(signerId), null);
    } catch (PenneoApiException | PenneoNotConfiguredException e) {
      LOG.warning(
          () -> "Signer " + signerId + ": lookup at Penneo failed, will retry: " + e.getMessage());
      try {
        recorder.signerLookedUp(signerId, Optional.empty(), e.getMessage());
      } catch (EJBException ignored) {
        // the next run retries
      }
    } catch (EJBException e) {
      LOG.fine(() -> "Signer " + signerId + ": concurrent lookup: " + e);
    }
  }
}
