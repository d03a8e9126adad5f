package org.penneoarchive.application.archive;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import org.penneoarchive.application.casefile.Page;
import org.penneoarchive.application.subscription.InvalidRequestException;
import org.penneoarchive.infrastructure.persistence.ArchiveAuditRepository;
import org.penneoarchive.model.FixityAudit;
import org.penneoarchive.model.FixityFinding;

/**
 * Keeps the results of the fixity-audit job: one row per run with its counts, and what is wrong
 * with each bag that no longer matches its manifests.
 */
@Stateless
public class FixityAuditService {

  private static final Logger LOG = Logger.getLogger(FixityAuditService.class.getName());

  /** Findings kept per bag; the rest are counted in the last line. */
  public static final int MAX_PER_BAG = 20;

  /** Findings shown per audit in the list. */
  public static final int MAX_SHOWN = 200;

  @Inject ArchiveAuditRepository audits;

  private final Clock clock = Clock.systemUTC();

  /** Notes the start of an audit run; a second call for the same execution changes nothing. */
  public void started(long jobExecutionId, String requestedBy) {
    if (audits.byExecution(jobExecutionId).isEmpty()) {
      audits.add(new FixityAudit(jobExecutionId, requestedBy, clock.instant()));
    }
  }

  /** Records the audit of one bag. */
  public void bagAudited(
      long jobExecutionId,
      String bagDir,
      boolean ok,
      int filesChecked,
      long bytesChecked,
      List<FixityAuditView.Finding> findings) {
    FixityAudit audit = audit(jobExecutionId);
    audit.bagChecked(ok, filesChecked, bytesChecked);
    int kept = 0;
    for (FixityAuditView.Finding f : findings) {
      if (kept == MAX_PER_BAG - 1 && findings.size() > MAX_PER_BAG) {
        audits.add(
            new FixityFinding(
                audit.getId(),
                bagDir,
                "PROBLEM",
                "and " + (findings.size() - kept) + " more findings"));
        break;
      }
      audits.add(new FixityFinding(audit.getId(), bagDir, f.kind(), f.detail()));
      kept++;
    }
    if (!ok) {
      LOG.warning(() -> "Fixity audit: the bag " + bagDir + " no longer matches its manifests");
    }
  }

  public void finished(long jobExecutionId, boolean completed) {
    FixityAudit audit = audit(jobExecutionId);
    audit.finished(
        completed ? FixityAudit.Status.COMPLETED : FixityAudit.Status.FAILED, clock.instant());
    LOG.info(
        () ->
            "Fixity audit "
                + jobExecutionId
                + " "
                + audit.getStatus()
                + ": "
                + audit.getBagsChecked()
                + " bags checked, "
                + audit.getBagsFailed()
                + " no longer match");
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Page<FixityAuditView> list(int page, int size) {
    if (page < 0 || size < 1 || size > 200) {
      throw new InvalidRequestException("page must be ≥ 0 and size between 1 and 200");
    }
    var items =
        audits.page(page, size).stream()
            .map(
                a ->
                    new FixityAuditView(
                        a.getId(),
                        a.getJobExecutionId(),
                        a.getRequestedBy(),
                        a.getStatus().name(),
                        a.getStartedAt(),
                        a.getFinishedAt(),
                        a.getBagsChecked(),
                        a.getBagsFailed(),
                        a.getFilesChecked(),
                        a.getBytesChecked(),
                        audits.findings(a.getId(), MAX_SHOWN).stream()
                            .map(
                                f ->
                                    new FixityAuditView.Finding(
                                        f.getBagPath(), f.getKind(), f.getDetail()))
                            .toList()))
            .toList();
    return new Page<>(items, page, size, audits.count());
  }

  private FixityAudit audit(long jobExecutionId) {
    return audits
        .byExecution(jobExecutionId)
        .orElseGet(
            () -> {
              FixityAudit a = new FixityAudit(jobExecutionId, null, clock.instant());
              audits.add(a);
              return a;
            });
  }
}
