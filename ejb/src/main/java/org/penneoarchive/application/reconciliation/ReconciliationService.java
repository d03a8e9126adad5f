package org.penneoarchive.application.reconciliation;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import org.penneoarchive.application.subscription.SubscriptionService;
import org.penneoarchive.infrastructure.config.PenneoClients;
import org.penneoarchive.infrastructure.config.PenneoNotConfiguredException;
import org.penneoarchive.infrastructure.penneo.PenneoApiException;

/**
 * Penneo has no "changed since" filter and its retries are few: this pages through every case file
 * that Penneo lists as completed, rejected or expired and applies the outcome of each one the
 * product has not applied, as if its notification had arrived — so a dropped notification costs at
 * most one interval ({@code reconciliation.schedule}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReconciliationService {

  private static final Logger LOG = Logger.getLogger(ReconciliationService.class.getName());
  static final Map<Integer, String> OUTCOMES = Map.of(5, "completed", 2, "rejected", 7, "expired");
  private static final ReentrantLock RUNNING = new ReentrantLock();

  @Inject PenneoClients penneo;
  @Inject ReconciliationRecorder recorder;
  @Inject SubscriptionService subscriptions;

  /** The result of one run. */
  public record Result(int seen, int applied, String error) {}

  @Asynchronous
  public void runAsync() {
    run();
  }

  /** Runs now unless a run is under way (then returns at once with nothing seen). */
  public Result run() {
    if (!RUNNING.tryLock()) {
      LOG.info("Reconciliation is already running; this request is satisfied by it");
      return new Result(0, 0, "already running");
    }
    try {
      // A subscription Penneo no longer lists will never be notified: say so (FAILED).
      subscriptions.missingAtPenneo().forEach(subscriptions::lostAtPenneo);
      AtomicInteger seen = new AtomicInteger();
      AtomicInteger applied = new AtomicInteger();
      for (var outcome : OUTCOMES.entrySet()) {
        penneo
            .client()
            .forEachCaseFile(
                outcome.getKey(),
                info -> {
                  seen.incrementAndGet();
                  try {
                    if (recorder.reconcile(info, outcome.getValue())) {
                      applied.incrementAndGet();
                    }
                  } catch (EJBException e) {
                    LOG.warning(() -> "Case file " + info.id() + ": reconciliation failed: " + e);
                  }
                });
      }
      LOG.info(
          () ->
              "Reconciliation with Penneo: "
                  + seen.get()
                  + " finished case files seen, "
                  + applied.get()
                  + " missed outcomes applied");
      return new Result(seen.get(), applied.get(), null);
    } catch (PenneoApiException | PenneoNotConfiguredException e) {
      LOG.warning(
          () -> "Reconciliation with Penneo failed, the next run retries: " + e.getMessage());
      return new Result(0, 0, e.getMessage());
    } finally {
      RUNNING.unlock();
    }
  }
}
