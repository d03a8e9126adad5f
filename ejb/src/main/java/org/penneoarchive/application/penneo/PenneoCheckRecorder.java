package org.penneoarchive.application.penneo;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.penneoarchive.application.archive.CaseFileCompleted;
import org.penneoarchive.domain.casefile.CaseFileState;
import org.penneoarchive.infrastructure.penneo.CaseFileInfo;
import org.penneoarchive.infrastructure.penneo.SignerInfo;
import org.penneoarchive.infrastructure.persistence.CaseFileRepository;
import org.penneoarchive.model.CaseFile;
import org.penneoarchive.model.Signer;

/**
 * Applies what Penneo's API said about a case file or signer, each in its own short transaction
 * (the API call itself runs outside any transaction).
 */
@Stateless
public class PenneoCheckRecorder {

  private static final Logger LOG = Logger.getLogger(PenneoCheckRecorder.class.getName());
  static final int COMPLETED = 5;

  @Inject CaseFileRepository caseFiles;
  @Inject Event<CaseFileCompleted> completed;

  private final Clock clock = Clock.systemUTC();

  public List<Long> dueCaseFiles(int max) {
    return caseFiles.dueForCheck(clock.instant(), max).stream().map(CaseFile::getPenneoId).toList();
  }

  public List<Long> dueSigners(int max) {
    return caseFiles.signersDueForLookup(clock.instant(), max).stream()
        .map(Signer::getPenneoId)
        .toList();
  }

  /** Records a batch of checks in one transaction (see {@link PenneoCheckService}). */
  public void caseFilesChecked(List<CaseFileCheck> checks) {
    Map<Long, CaseFile> byId =
        caseFiles.byPenneoIds(checks.stream().map(CaseFileCheck::caseFilePenneoId).toList());
    Instant now = clock.instant();
    for (CaseFileCheck c : checks) {
      CaseFile cf = byId.get(c.caseFilePenneoId());
      if (cf != null) {
        apply(cf, c, now);
      }
    }
    flush(checks.size());
  }

  /** Records one check in a transaction of its own. */
  public void caseFileChecked(CaseFileCheck check) {
    caseFiles
        .byPenneoId(check.caseFilePenneoId())
        .ifPresent(cf -> apply(cf, check, clock.instant()));
    flush(1);
  }

  /** Writes now, so that a concurrent change shows here as {@link ChangedMeanwhileException}. */
  private void flush(int checks) {
    try {
      caseFiles.flush();
    } catch (OptimisticLockException e) {
      throw new ChangedMeanwhileException(
          checks + " check(s): a case file or signer changed meanwhile", e);
    }
  }

  private void apply(CaseFile cf, CaseFileCheck check, Instant now) {
    long penneoId = cf.getPenneoId();
    if (check.isFailure()) {
      cf.checked(CheckBackoff.next(now, cf.getCheckAttempts()), check.error());
      return;
    }
    if (check.info().isEmpty()) {
      cf.goneFromPenneo();
      cf.checked(now, null);
      LOG.warning(
          () -> "Case file " + penneoId + " is not (or no longer) at Penneo: flagged deleted");
      return;
    }
    CaseFileInfo i = check.info().get();
    cf.enriched(i.title(), i.status());
    for (SignerInfo s : check.signers()) {
      Signer signer = caseFiles.getOrCreateSigner(s.id(), penneoId, now);
      signer.named(s.name());
      caseFiles.unattachedSignerEvents(s.id()).forEach(e -> e.attachToCaseFile(penneoId));
    }
    String pending = null;
    if (cf.isCompletionCheckPending()) {
      if (i.status() == COMPLETED) {
        cf.completionConfirmed(cf.getCompletedAt());
        LOG.info(
            () ->
                "Case file "
                    + penneoId
                    + ": Penneo confirms completion (status 5), now "
                    + cf.getState());
        if (cf.getState() == CaseFileState.COMPLETED) {
          completed.fire(new CaseFileCompleted(penneoId));
        }
      } else if (i.status() == 2 || i.status() == 3 || i.status() == 7) {
        cf.completionNotConfirmed();
        LOG.warning(
            () ->
                "Case file "
                    + penneoId
                    + ": a 'completed' notification arrived but Penneo says status "
                    + i.status()
                    + "; not completed");
      } else {
        pending = "Penneo says status " + i.status() + ", not completed yet";
        String why = pending;
        LOG.info(() -> "Case file " + penneoId + ": " + why + "; asking again later");
      }
    }
    cf.checked(CheckBackoff.next(now, cf.getCheckAttempts()), pending);
  }

  public void signerLookedUp(long signerPenneoId, Optional<SignerInfo> info, String error) {
    Signer signer = caseFiles.signer(signerPenneoId).orElse(null);
    if (signer == null) {
      return;
    }
    Instant now = clock.instant();
    if (info.isEmpty() || info.get().caseFileId() == null) {
      signer.lookupFailed(CheckBackoff.next(now, signer.getCheckAttempts()));
      return;
    }
    long caseFileId = info.get().caseFileId();
    signer.belongsTo(caseFileId);
    signer.named(info.get().name());
    CaseFile cf = caseFiles.getOrCreate(caseFileId, now);
    for (var e : caseFiles.unattachedSignerEvents(signerPenneoId)) {
      e.attachToCaseFile(caseFileId);
      if (cf.eventArrived(e.getEventTime(), now)) {
        e.markLate();
      }
    }
    LOG.fine(() -> "Signer " + signerPenneoId + " belongs to case file " + caseFileId);
  }
}
