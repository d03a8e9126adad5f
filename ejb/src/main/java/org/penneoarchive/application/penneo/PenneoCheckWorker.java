package org.penneoarchive.application.penneo;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Runs the checks of case files at Penneo on a container thread, one batch at a time, until none is
 * due. {@link #wake} is cheap and may be called from anywhere (after each commit that asks for a
 * check, and by the timer): a wake while a run is under way makes that run look once more, so no
 * request is missed and checks never race each other. A case file that is checked shortly after its
 * first notification is then checked together with the others that arrived meanwhile.
 */
@ApplicationScoped
public class PenneoCheckWorker {

  private static final Logger LOG = Logger.getLogger(PenneoCheckWorker.class.getName());

  @Inject PenneoCheckService checks;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  Executor executor;

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean requested = new AtomicBoolean();

  /** Asks for a run; starts one unless one is under way, which then looks again. */
  public void wake() {
    requested.set(true);
    if (running.compareAndSet(false, true)) {
      try {
        executor.execute(this::run);
      } catch (RejectedExecutionException e) {
        running.set(false);
        LOG.fine(() -> "Check run not started (shutting down?); the timer tries again: " + e);
      }
    }
  }

  private void run() {
    try {
      while (requested.getAndSet(false)) {
        PenneoCheckService.Batch b;
        do {
          b = checks.checkDueCaseFiles();
        } while (b.lookedAt() == PenneoCheckService.BATCH && b.recorded() > 0);
      }
    } catch (RuntimeException e) {
      LOG.warning(() -> "Checking case files at Penneo stopped, the timer tries again: " + e);
    } finally {
      running.set(false);
    }
    if (requested.get()) {
      wake(); // asked for between the last look and the end of this run
    }
  }
}
