package org.penneoarchive.application.intake;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.penneoarchive.domain.event.BoundedJson;
import org.penneoarchive.domain.event.InvalidJsonException;
import org.penneoarchive.domain.event.PenneoEvent;
import org.penneoarchive.domain.event.WebhookBodies;
import org.penneoarchive.domain.event.WebhookBody;
import org.penneoarchive.infrastructure.persistence.CaseFileRepository;
import org.penneoarchive.infrastructure.persistence.SubscriptionRepository;
import org.penneoarchive.model.Delivery;
import org.penneoarchive.model.DeliveryOutcome;
import org.penneoarchive.model.Subscription;
import org.penneoarchive.model.SubscriptionState;

/**
 * The processing half of intake, called by the queue's consumer: in one transaction it stores the
 * call as delivered, works out what it is, and puts an event on its case file's timeline. Any
 * exception rolls the transaction back so that the broker redelivers (and, after the configured
 * attempts, dead-letters) the message; nothing is half applied.
 */
@Stateless
public class NotificationProcessingService {

  private static final Logger LOG = Logger.getLogger(NotificationProcessingService.class.getName());

  @Inject CaseFileRepository caseFiles;
  @Inject SubscriptionRepository subscriptions;
  @Inject CaseFileTimeline timeline;
  @Inject Event<ConfirmationTokenReceived> tokens;

  @Inject
  @ConfigProperty(name = "webhook.max-json-depth", defaultValue = "64")
  int maxDepth;

  private final Clock clock = Clock.systemUTC();

  /**
   * Processes one notification in the caller's transaction (a new one when called from the
   * consumer), flushed before it returns so that a lost race surfaces here as a {@link
   * LostRaceException}, not at commit.
   */
  public void process(NotificationEnvelope envelope) {
    try {
      apply(envelope, null);
      caseFiles.flush();
    } catch (RuntimeException e) {
      if (ConcurrentUpdateRetry.isLostRace(e)) {
        throw new LostRaceException(
            "Delivery " + envelope.intakeId() + " lost a race with a concurrent update: " + e, e);
      }
      throw e;
    }
  }

  /**
   * Processes two or more notifications of several consumer sessions in one transaction ({@link
   * NotificationGroups}), in their order, each exactly as {@link #process} would. Any failure rolls
   * all of them back as a {@link GroupFailedException}, and each is then processed alone.
   *
   * <p>The rows their lookups need are read first, one query per table, so that the group costs a
   * few statements and one batch of inserts per table instead of several statements each.
   */
  public void processTogether(List<NotificationEnvelope> envelopes) {
    try {
      List<WebhookBody> classified = envelopes.stream().map(this::classify).toList();
      Set<String> intakeIds = new HashSet<>();
      Set<String> eventKeys = new HashSet<>();
      Set<Long> caseFileIds = new HashSet<>();
      Set<Long> signerIds = new HashSet<>();
      for (int i = 0; i < envelopes.size(); i++) {
        intakeIds.add(envelopes.get(i).intakeId());
        if (classified.get(i) instanceof WebhookBody.Notification n) {
          PenneoEvent e = n.event();
          eventKeys.add(e.identity().key());
          if (e.caseFileId() != null) {
            caseFileIds.add(e.caseFileId());
          }
          if (e.signerId() != null) {
            signerIds.add(e.signerId());
          }
        }
      }
      caseFiles.prefetch(intakeIds, eventKeys, caseFileIds, signerIds);
      for (int i = 0; i < envelopes.size(); i++) {
        apply(envelopes.get(i), classified.get(i));
      }
      caseFiles.flush();
    } catch (RuntimeException e) {
      throw new GroupFailedException(
          "A group of "
              + envelopes.size()
              + " notifications, from delivery "
              + envelopes.get(0).intakeId()
              + ", was rolled back: "
              + e,
          e);
    }
  }

  /** Applies the notification unless already processed; {@code classified}: null to classify. */
  private void apply(NotificationEnvelope envelope, WebhookBody classified) {
    if (caseFiles.deliveryExists(envelope.intakeId())) {
      LOG.fine(() -> "Delivery " + envelope.intakeId() + " was already processed");
      return;
    }
    Delivery delivery =
        new Delivery(
            envelope.subscriptionId(),
            envelope.intakeId(),
            envelope.receivedAt(),
            clock.instant(),
            envelope.contentType(),
            envelope.xEventType(),
            envelope.xEventId(),
            envelope.body());
    WebhookBody what = classified != null ? classified : classify(envelope);
    if (what instanceof WebhookBody.Notification n) {
      var recorded = timeline.record(n.event(), envelope.receivedAt(), envelope.xEventId());
      delivery.outcome(
          recorded.isNew() ? DeliveryOutcome.APPLIED : DeliveryOutcome.DUPLICATE,
          n.event().identity().key(),
          recorded.event().getId());
    } else if (what instanceof WebhookBody.ConfirmationToken t) {
      delivery.outcome(DeliveryOutcome.CONFIRMATION_TOKEN, tokenArrived(envelope, t.token()), null);
    } else if (what instanceof WebhookBody.TestNotification t) {
      delivery.outcome(DeliveryOutcome.TEST, "test notification (" + t.topic() + ")", null);
    } else if (what instanceof WebhookBody.NotUnderstood nu) {
      delivery.outcome(DeliveryOutcome.NOT_UNDERSTOOD, nu.reason(), null);
      LOG.info(() -> "Kept a notification the product does not understand: " + nu.reason());
    }
    caseFiles.addDelivery(delivery);
  }

  /** Keeps the token for confirmation at Penneo after commit; a late one is only recorded. */
  private String tokenArrived(NotificationEnvelope envelope, String token) {
    Subscription s = subscriptions.byIdLocked(envelope.subscriptionId()).orElse(null);
    if (s == null) {
      return "confirmation token for a subscription that no longer exists";
    }
    if (s.getState() != SubscriptionState.PENDING_CONFIRMATION) {
      LOG.info(
          () ->
              "Subscription " + s.getId() + ": a late confirmation token, already " + s.getState());
      return "late confirmation token: the subscription is already " + s.getState();
    }
    s.tokenReceived(token);
    tokens.fire(new ConfirmationTokenReceived(s.getId()));
    return "confirmation token received";
  }

  private WebhookBody classify(NotificationEnvelope envelope) {
    String body = envelope.body();
    if (envelope.queryToken() != null && body.isBlank()) {
      return new WebhookBody.ConfirmationToken(envelope.queryToken());
    }
    String type = envelope.contentType() == null ? "" : envelope.contentType();
    if (type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
        && !body.stripLeading().startsWith("{")) {
      return WebhookBodies.confirmationToken(BoundedJson.parseForm(body))
          .<WebhookBody>map(WebhookBody.ConfirmationToken::new)
          .orElse(new WebhookBody.NotUnderstood("a form body without a confirmation token"));
    }
    try {
      return WebhookBodies.classify(BoundedJson.parseObject(body, maxDepth), envelope.xEventType());
    } catch (InvalidJsonException e) {
      // The receiver checked this already; a message from an older version may differ.
      return new WebhookBody.NotUnderstood(e.getMessage());
    }
  }
}
