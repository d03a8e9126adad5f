package org.penneoarchive.application.penneo;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.penneoarchive.application.subscription.SubscriptionService;

/**
 * Every 15 s: the checks at Penneo that are due, and confirmations of legacy subscriptions whose
 * token arrived while Penneo could not be reached (retries, and whatever the triggers missed).
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PenneoCheckTimer {

  @Inject PenneoCheckWorker worker;
  @Inject PenneoCheckService checks;
  @Inject SubscriptionService subscriptions;

  @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false, info = "penneo-checks")
  void tick() {
    worker.wake();
    checks.lookUpDueSigners();
    subscriptions.confirmPending();
  }
}
