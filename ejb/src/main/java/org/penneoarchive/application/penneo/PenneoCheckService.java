package org.penneoarchive.application.penneo;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
 *
 * <p>Case files are checked a batch at a time ({@link #checkDueCaseFiles}): the calls to Penneo run
 * concurrently ({@code penneo.check.concurrency}), and what they found is recorded in one
 * transaction, so that a burst of new case files costs one commit per batch, not one per case file.
 * {@link PenneoCheckWorker} makes sure only one batch runs at a time.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PenneoCheckService {

  private static final Logger LOG = Logger.getLogger(PenneoCheckService.class.getName());
  static final int BATCH = 50;

  @Inject PenneoClients penneo;
  @Inject PenneoCheckRecorder recorder;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  Executor executor;

  @Inject
  @ConfigProperty(name = "penneo.check.concurrency", defaultValue = "4")
  int concurrency;

  /** What one batch did: case files looked at, and how many of those results were recorded. */
  public record Batch(int lookedAt, int recorded) {}

  /** Checks up to {@value #BATCH} case files that are due, oldest first. */
  public Batch checkDueCaseFiles() {
    List<Long> due = recorder.dueCaseFiles(BATCH);
    if (due.isEmpty()) {
      return new Batch(0, 0);
    }
    List<CaseFileCheck> found = lookUp(due);
    return new Batch(due.size(), record(found));
  }

  /** Looks up the signers whose case file is not known yet; returns how many were looked at. */
  public int lookUpDueSigners() {
    int n = 0;
    for (long id : recorder.dueSigners(BATCH)) {
      lookUpSigner(id);
      n++;
    }
    return n;
  }

  /** Looks each case file up at Penneo, up to {@code penneo.check.concurrency} at a time. */
  List<CaseFileCheck> lookUp(List<Long> ids) {
    return BoundedConcurrency.map(ids, this::lookUp, concurrency, executor);
  }

  private CaseFileCheck lookUp(long id) {
    try {
      var info = penneo.client().getCaseFile(id);
      List<SignerInfo> signers =
          info.isPresent() ? penneo.client().getCaseFileSigners(id) : List.of();
      return CaseFileCheck.found(id, info, signers);
    } catch (PenneoApiException | PenneoNotConfiguredException e) {
      LOG.warning(
          () -> "Case file " + id + ": check at Penneo failed, will retry: " + e.getMessage());
      return CaseFileCheck.failed(id, e.getMessage());
    } catch (RuntimeException e) {
      LOG.warning(() -> "Case file " + id + ": check at Penneo failed, will retry: " + e);
      return CaseFileCheck.failed(id, e.toString());
    }
  }

  /** Records the batch in one transaction; if that fails, each result in one of its own. */
  private int record(List<CaseFileCheck> found) {
    try {
      recorder.caseFilesChecked(found);
      return found.size();
    } catch (ChangedMeanwhileException | EJBException e) {
      // Typically a notification changed one of them meanwhile: keep the others.
      LOG.fine(() -> "Recording " + found.size() + " checks together failed, one by one: " + e);
    }
    int recorded = 0;
    for (CaseFileCheck c : found) {
      try {
        recorder.caseFileChecked(c);
        recorded++;
      } catch (ChangedMeanwhileException | EJBException e) {
        // Changed again meanwhile; it stays due and a later batch looks again.
        LOG.fine(() -> "Case file " + c.caseFilePenneoId() + ": check not recorded: " + e);
      }
    }
    return recorded;
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
