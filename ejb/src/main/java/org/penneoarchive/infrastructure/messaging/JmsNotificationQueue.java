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

  /**
   * How many message groups the ordering keys share. Artemis remembers which consumer each group is
   * bound to for as long as that consumer lives, and the MDB's consumers live as long as the
   * server: one group per case file would grow that map by every case file ever seen. Hashing the
   * keys into a fixed number of groups keeps the map at most this big, and notifications of one
   * case file still share a group, so they are still processed one at a time, in order.
   */
  static final int GROUPS = 1024;

  /** The message group of an ordering key: the same key always gives the same group. */
  static String groupOf(String orderingKey) {
    return "g" + Math.floorMod(orderingKey.hashCode(), GROUPS);
  }

  @Override
  public void enqueue(NotificationEnvelope envelope, String orderingKey) {
    context
        .createProducer()
        .setDeliveryMode(DeliveryMode.PERSISTENT)
        .setProperty("intakeId", envelope.intakeId())
        // A message group: Artemis hands one group to one consumer at a time.
        .setProperty("JMSXGroupID", groupOf(orderingKey))
        .send(queue, envelope.toJson());
  }
}
