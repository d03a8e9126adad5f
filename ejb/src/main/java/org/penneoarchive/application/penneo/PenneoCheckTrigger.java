package org.penneoarchive.application.penneo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.penneoarchive.application.intake.PenneoCheckRequested;

/**
 * Starts a check as soon as the transaction that asked for it has committed, so that a completion
 * is confirmed within seconds; {@link PenneoCheckTimer} picks up whatever this misses.
 */
@ApplicationScoped
public class PenneoCheckTrigger {

  @Inject PenneoCheckWorker worker;

  void onRequested(@Observes(during = TransactionPhase.AFTER_SUCCESS) PenneoCheckRequested r) {
    worker.wake();
  }
}
