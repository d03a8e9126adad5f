package org.penneoarchive.application.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.penneoarchive.application.intake.ConfirmationTokenReceived;

/** Confirms a legacy subscription at Penneo as soon as its token is stored. */
@ApplicationScoped
public class ConfirmationTrigger {

  @Inject SubscriptionService subscriptions;

  void onToken(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConfirmationTokenReceived t) {
    subscriptions.tokenArrived(t.subscriptionId());
  }
}
