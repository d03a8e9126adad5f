package org.penneoarchive.interfaces.jms;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.penneoarchive.application.intake.DeadLetterService;

/**
 * Moves notifications from the dead-letter queue into the dead-letter table, where administrators
 * see them with their last error and replay or discard them.
 *
 * <p>Policy: like {@link NotificationConsumer}, acknowledged only after the database commit;
 * storing is idempotent by intake id, and a failure is rethrown so the broker redelivers.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = "java:/jms/queue/PenneoDLQ"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
    })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeadLetterConsumer implements MessageListener {

  @Inject DeadLetterService deadLetters;

  @Override
  public void onMessage(Message message) {
    try {
      if (!(message instanceof TextMessage text)) {
        throw new IllegalArgumentException("Expected a notification envelope, got " + message);
      }
      deadLetters.deadLettered(text.getText());
    } catch (JMSException e) {
      throw new IllegalStateException("Cannot read dead-lettered message", e);
    }
  }
}
