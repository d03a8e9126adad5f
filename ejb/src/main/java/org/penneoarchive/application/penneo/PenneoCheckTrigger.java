package org.penneoarchive.application.penneo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.penneoarchive.application.intake.PenneoCheckRequested;

/**
 * Starts a check as soon as the transaction that asked for it has committed, so that a completion
 * is confirmed within seconds; {@link PenneoCheckTimer} picks up whatever this misses.
 */
@ApplicationScoped
public class PenneoCheckTrigger {

  @Inject PenneoCheckService checks;

  /** Case files with a check under way: a burst of events for one case file makes one call. */
  private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

  void onRequested(@Observes(during = TransactionPhase.AFTER_SUCCESS) PenneoCheckRequested r) {
    long id = r.caseFilePenneoId();
    if (inFlight.add(id)) {
      checks.checkSoon(id, () -> inFlight.remove(id));
    }
  }
}
