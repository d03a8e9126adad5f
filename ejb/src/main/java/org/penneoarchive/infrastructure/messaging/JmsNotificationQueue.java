package org.penneoarchive.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import org.penneoarchive.application.intake.NotificationEnvelope;
import org.penneoarchive.application.intake.NotificationQueue;

/**
 * The notification queue on the embedded Artemis broker. The injected {@link JMSContext} joins the
 * caller's JTA transaction (XA connection factory), so the message is on the persistent journal
 * exactly when the receiver's transaction commits.
 */
@ApplicationScoped
public class JmsNotificationQueue implements NotificationQueue {

  public static final String QUEUE = "java:/jms/queue/PenneoNotifications";

  @Inject JMSContext context;

  @Resource(lookup = QUEUE)
  Queue queue;

  @Override
  public void enqueue(NotificationEnvelope envelope, String orderingKey) {
    context
        .createProducer()
        .setDeliveryMode(DeliveryMode.PERSISTENT)
        .setProperty("intakeId", envelope.intakeId())
        // A message group: Artemis hands one group to one consumer at a time.
        .setProperty("JMSXGroupID", orderingKey)
        .send(queue, envelope.toJson());
  }
}
