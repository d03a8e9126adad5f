package org.penneoarchive.bench.noop;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * The processing ceiling's consumer: takes the messages of {@code BenchDrain} off the queue with
 * the product's consumer settings (its sessions, {@code processing.sessions}, delivery outside a
 * JTA transaction, acknowledged when {@code onMessage} returns) and either does nothing with them
 * or, for messages with {@code commit=true}, stores each in one row of its own in one JTA
 * transaction on the product's datasource: the least a durable "committed state" per notification
 * costs in this server.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = "java:/jms/queue/BenchDrain"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      // The product consumer's session count (NotificationConsumer): the same server setting.
      @ActivationConfigProperty(
          propertyName = "maxSession",
          propertyValue = "${processing.sessions:16}")
    })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DrainProbeConsumer implements MessageListener {

  @Inject DrainProbeStore store;
  @Inject DrainProbeCounter counter;

  @Override
  public void onMessage(Message message) {
    try {
      if (message.getBooleanProperty(DrainProbeResource.COMMIT)) {
        store.insert(
            message.getLongProperty(DrainProbeResource.ID), ((TextMessage) message).getText());
      }
    } catch (JMSException e) {
      throw new IllegalStateException("cannot read the probe message", e);
    }
    counter.consumed();
  }
}
