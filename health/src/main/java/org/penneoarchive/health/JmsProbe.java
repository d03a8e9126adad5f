package org.penneoarchive.health;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.Map;

/**
 * The broker accepts a connection and the notification queue exists: without them the webhook
 * receiver answers 503 and Penneo's retries run out.
 */
public final class JmsProbe {

  static final String NAME = "jms";

  private JmsProbe() {}

  public static Probe check(ConnectionFactory factory, Queue queue) {
    try (JMSContext context = factory.createContext()) {
      try (QueueBrowser browser = context.createBrowser(queue)) {
        browser.getEnumeration();
      }
      return Probe.up(NAME, Map.of("queue", queue.getQueueName()));
    } catch (jakarta.jms.JMSException | RuntimeException e) {
      return Probe.down(NAME, "broker or queue unavailable: " + e.getMessage());
    }
  }
}
