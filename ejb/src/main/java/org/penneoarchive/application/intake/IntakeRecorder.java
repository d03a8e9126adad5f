package org.penneoarchive.application.intake;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.penneoarchive.infrastructure.persistence.RejectedDeliveryRepository;
import org.penneoarchive.model.RejectedDelivery;

/**
 * The receiver's two writes, kept apart so that each touches one resource: putting an accepted call
 * on the queue (JMS only, durable when this returns), and recording a refused call (database only,
 * a transaction of its own).
 */
@Stateless
public class IntakeRecorder {

  @Inject NotificationQueue queue;
  @Inject RejectedDeliveryRepository rejected;

  @Inject
  @ConfigProperty(name = "webhook.rejected.keep", defaultValue = "10000")
  int rejectedKeep;

  /**
   * Sends outside any JTA transaction: a persistent message sent on a non-transacted session is
   * durable when the send returns (the connection factory blocks on durable sends, and the broker
   * syncs its journal before it answers: {@code journal-sync-non-transactional}). One blocking call
   * to the broker instead of an XA enlistment, its timeout, start, end and commit.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void enqueue(NotificationEnvelope envelope, String orderingKey) {
    queue.enqueue(envelope, orderingKey);
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void refused(RejectedDelivery r) {
    rejected.add(r);
    if (ThreadLocalRandom.current().nextInt(100) == 0) {
      rejected.prune(rejectedKeep);
    }
  }
}
