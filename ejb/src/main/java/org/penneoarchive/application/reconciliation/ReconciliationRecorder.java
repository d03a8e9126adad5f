package org.penneoarchive.application.reconciliation;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Logger;
import org.penneoarchive.application.archive.CaseFileCompleted;
import org.penneoarchive.application.intake.CaseFileTimeline;
import org.penneoarchive.domain.Jsonp;
import org.penneoarchive.domain.casefile.CaseFileState;
import org.penneoarchive.domain.event.PenneoEvent;
import org.penneoarchive.infrastructure.penneo.CaseFileInfo;
import org.penneoarchive.infrastructure.persistence.CaseFileRepository;
import org.penneoarchive.model.CaseFile;

/**
 * Applies one case file that Penneo's API lists as finished, in its own transaction, as if its
 * notification had arrived — unless the product has applied that outcome already.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ReconciliationRecorder {

  private static final Logger LOG = Logger.getLogger(ReconciliationRecorder.class.getName());

  @Inject CaseFileRepository caseFiles;
  @Inject CaseFileTimeline timeline;
  @Inject Event<CaseFileCompleted> completed;

  private final Clock clock = Clock.systemUTC();

  /** Returns true when the case file's outcome was missing here and has been applied now. */
  public boolean reconcile(CaseFileInfo info, String outcome) {
    CaseFile existing = caseFiles.byPenneoId(info.id()).orElse(null);
    if (existing != null && alreadyApplied(existing, outcome)) {
      return false;
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    PenneoEvent event =
        PenneoEvent.ofCaseFile(
            outcome,
            info.id(),
            now,
            info.status(),
            info.title(),
            Jsonp.createObjectBuilder()
                .add("id", info.id())
                .add("status", info.status())
                .add("source", "reconciliation")
                .build());
    var recorded = timeline.record(event, now, null);
    recorded.event().fromReconciliation();
    CaseFile cf = caseFiles.byPenneoId(info.id()).orElseThrow();
    cf.enriched(info.title(), info.status());
    if ("completed".equals(outcome)) {
      cf.completionConfirmed(cf.getCompletedAt());
      cf.checked(now, null);
      if (cf.getState() == CaseFileState.COMPLETED) {
        completed.fire(new CaseFileCompleted(info.id()));
      }
    }
    LOG.info(
        () ->
            "Case file "
                + info.id()
                + ": reconciliation applied the missed '"
                + outcome
                + "' (Penneo status "
                + info.status()
                + "), now "
                + cf.getState());
    return true;
  }

  private static boolean alreadyApplied(CaseFile cf, String outcome) {
    var f = cf.facts();
    return switch (outcome) {
      case "completed" -> f.completionConfirmed();
      case "rejected" -> f.rejectedAt() != null;
      case "expired" -> f.expiredAt() != null;
      default -> true;
    };
  }
}
