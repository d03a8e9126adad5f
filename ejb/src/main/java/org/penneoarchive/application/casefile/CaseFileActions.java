package org.penneoarchive.application.casefile;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import org.penneoarchive.application.StaffActions;
import org.penneoarchive.application.intake.PenneoCheckRequested;
import org.penneoarchive.application.subscription.NotFoundException;
import org.penneoarchive.infrastructure.persistence.CaseFileRepository;

/** What staff may ask of a case file (archiving again lives with the archive job). */
@Stateless
public class CaseFileActions {

  @Inject CaseFileRepository caseFiles;
  @Inject StaffActions actions;
  @Inject Event<PenneoCheckRequested> checks;

  private final Clock clock = Clock.systemUTC();

  /** "Re-check at Penneo": title, signers and status are read again from Penneo's API. */
  public void recheck(long penneoId, String actor) {
    var cf =
        caseFiles
            .byPenneoId(penneoId)
            .orElseThrow(() -> new NotFoundException("no case file with Penneo id " + penneoId));
    cf.recheck(clock.instant());
    actions.record(actor, "re-check at Penneo", "case file " + penneoId, "");
    checks.fire(new PenneoCheckRequested(penneoId));
  }
}
