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
import java.util.logging.Logger;
import org.penneoarchive.application.intake.DeadLetterService;
import org.penneoarchive.application.intake.NotificationEnvelope;
import org.penneoarchive.application.intake.NotificationGroups;

/**
 * Takes accepted notifications off the queue and hands each to {@link NotificationGroups}, which
 * returns once it is committed (with those of other sessions, or alone); the message is
 * acknowledged after that.
 *
 * <p>Policy: a transaction that lost a race over the same rows is run again at once; any other
 * failure is rethrown, so the broker redelivers with growing delay, then moves the message to the
 * dead-letter queue (configure.cli).
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = "java:/jms/queue/PenneoNotifications"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      // The consumer sessions: how many notifications can wait together for a shared
      // transaction (NotificationGroups). A server setting (configure.cli enables the
      // replacement), 16 unless set: measured against 8, 24 and 48 (docs/performance.md).
      @ActivationConfigProperty(
          propertyName = "maxSession",
          propertyValue = "${processing.sessions:16}")
    })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NotificationConsumer implements MessageListener {

  private static final Logger LOG = Logger.getLogger(NotificationConsumer.class.getName());

  @Inject NotificationGroups groups;
  @Inject DeadLetterService deadLetters;

  @Override
  public void onMessage(Message message) {
    NotificationEnvelope envelope = null;
    try {
      if (!(message instanceof TextMessage text)) {
        throw new IllegalArgumentException(
            "Expected a text message with a notification envelope, got " + message.getClass());
      }
      envelope = NotificationEnvelope.fromJson(text.getText());
      groups.process(envelope);
    } catch (JMSException e) {
      throw new IllegalStateException("Cannot read notification message", e);
    } catch (RuntimeException e) {
      LOG.warning(() -> "Processing a notification failed, the broker will redeliver it: " + e);
      if (envelope != null) {
        deadLetters.attemptFailed(envelope.intakeId(), rootCause(e));
      }
      throw e;
    }
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t == e ? e.toString() : e.getClass().getSimpleName() + " caused by " + t;
  }
}
