package org.penneoarchive.application.intake;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.penneoarchive.infrastructure.persistence.RejectedDeliveryRepository;
import org.penneoarchive.model.RejectedDelivery;

/**
 * The receiver's two short transactions, kept apart so that each touches one resource: putting an
 * accepted call on the queue (JMS only: a one-phase commit, durable when this returns), and
 * recording a refused call (database only).
 */
@Stateless
public class IntakeRecorder {

  @Inject NotificationQueue queue;
  @Inject RejectedDeliveryRepository rejected;

  @Inject
  @ConfigProperty(name = "webhook.rejected.keep", defaultValue = "10000")
  int rejectedKeep;

  public void enqueue(NotificationEnvelope envelope, String orderingKey) {
    queue.enqueue(envelope, orderingKey);
  }

  public void refused(RejectedDelivery r) {
    rejected.add(r);
    if (ThreadLocalRandom.current().nextInt(100) == 0) {
      rejected.prune(rejectedKeep);
    }
  }
}
