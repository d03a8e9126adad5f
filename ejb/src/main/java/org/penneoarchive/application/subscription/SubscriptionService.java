package org.penneoarchive.application.subscription;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.penneoarchive.domain.webhook.PublicEndpointPolicy;
import org.penneoarchive.infrastructure.config.PenneoClients;
import org.penneoarchive.infrastructure.config.PenneoNotConfiguredException;
import org.penneoarchive.infrastructure.penneo.PenneoApiException;
import org.penneoarchive.infrastructure.persistence.SubscriptionRepository;
import org.penneoarchive.model.Subscription;
import org.penneoarchive.model.SubscriptionState;
import org.penneoarchive.model.WebhookService;

/**
 * Subscriptions at Penneo, both services. The endpoint key is generated and committed first, so
 * that a confirmation token that Penneo sends at once always finds its subscription; then Penneo is
 * called (outside any transaction), and its answer recorded. Legacy subscriptions confirm
 * themselves when their token arrives.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SubscriptionService {

  private static final Logger LOG = Logger.getLogger(SubscriptionService.class.getName());

  @Inject SubscriptionRepository subscriptions;
  @Inject SubscriptionStore store;
  @Inject PenneoClients penneo;

  @Inject
  @ConfigProperty(name = "app.public-url")
  String publicUrl;

  @Inject
  @ConfigProperty(name = "penneo.secret-rotation.overlap", defaultValue = "86400")
  long rotationOverlapSeconds;

  private final Clock clock = Clock.systemUTC();

  public SubscriptionView create(SubscriptionRequest request, String actor) {
    PublicEndpointPolicy.refusal(penneo.apiUrl(), URI.create(publicUrl))
        .ifPresent(
            why -> {
              throw new InvalidRequestException(why);
            });
    Subscription s = store.createPending(request, EndpointKeys.newKey(), actor);
    long id = s.getId();
    URI endpoint = endpoint(s.getEndpointKey());
    try {
      if (request.service() == WebhookService.LEGACY) {
        var created = penneo.client().createLegacySubscription(request.topic(), endpoint);
        LOG.info(
            () ->
                "Subscription "
                    + id
                    + " registered at Penneo (legacy topic "
                    + request.topic()
                    + ", Penneo id "
                    + created.id()
                    + "), waiting for the confirmation token");
        store
            .registeredLegacy(id, created.id(), created.confirmed())
            .ifPresent(token -> confirm(id));
      } else {
        var created = penneo.client().createSubscription(request.eventTypes(), endpoint, true);
        store.registeredCurrent(id, created.id(), created.secret(), created.active());
        LOG.info(
            () ->
                "Subscription "
                    + id
                    + " registered at Penneo (current service, id "
                    + created.id()
                    + ")");
      }
    } catch (PenneoApiException | PenneoNotConfiguredException e) {
      store.failed(id, e.getMessage());
      throw new PenneoRefusedException("Penneo did not accept the subscription: " + e.getMessage());
    }
    return get(id);
  }

  /** A confirmation token arrived for this subscription: confirm it at Penneo when possible. */
  @Asynchronous
  public void tokenArrived(long id) {
    confirm(id);
  }

  /** Confirms every subscription that holds a token (retries after Penneo was unreachable). */
  public void confirmPending() {
    for (Subscription s : subscriptions.all()) {
      if (s.getState() == SubscriptionState.PENDING_CONFIRMATION && s.getPendingToken() != null) {
        confirm(s.getId());
      }
    }
  }

  void confirm(long id) {
    var pending = store.toConfirm(id);
    if (pending.isEmpty()) {
      return;
    }
    String penneoId = pending.get()[0];
    String token = pending.get()[1];
    try {
      penneo.client().confirmLegacySubscription(Long.parseLong(penneoId), token);
      store.confirmed(id, token);
      LOG.info(() -> "Subscription " + id + " confirmed at Penneo: ACTIVE");
    } catch (PenneoApiException e) {
      if (e.kind() == PenneoApiException.Kind.PERMANENT
          || e.kind() == PenneoApiException.Kind.NOT_FOUND) {
        store.confirmationRefused(id, token, e.getMessage());
        LOG.warning(
            () ->
                "Subscription "
                    + id
                    + ": Penneo refused the confirmation token: "
                    + e.getMessage());
      } else {
        store.noteError(id, "confirmation not possible yet, will retry: " + e.getMessage());
      }
    } catch (PenneoNotConfiguredException e) {
      store.noteError(id, e.getMessage());
    }
  }

  public void test(long id, String actor) {
    Subscription s = find(id);
    requireRegistered(s);
    try {
      if (s.getService() == WebhookService.LEGACY) {
        penneo.client().testLegacySubscription(Long.parseLong(s.getPenneoId()));
      } else {
        penneo.client().sendTestNotification();
      }
    } catch (PenneoApiException | PenneoNotConfiguredException e) {
      throw new PenneoRefusedException(
          "Penneo did not send a test notification: " + e.getMessage());
    }
    store.tested(id, actor);
  }

  public SubscriptionView pause(long id, boolean pause, String actor) {
    Subscription s = find(id);
    if (s.getService() != WebhookService.CURRENT) {
      throw new InvalidRequestException("only subscriptions of the current service can be paused");
    }
    requireRegistered(s);
    try {
      penneo
          .client()
          .replaceSubscription(
              s.getPenneoId(), s.getEventTypes(), endpoint(s.getEndpointKey()), !pause);
    } catch (PenneoApiException | PenneoNotConfiguredException e) {
      throw new PenneoRefusedException("Penneo did not change the subscription: " + e.getMessage());
    }
    store.paused(id, pause, actor);
    return get(id);
  }

  /**
   * A new secret: Penneo refuses a second subscription with the same endpoint, so the new one gets
   * a new endpoint key; the old key and secret keep working for the overlap, and the old
   * subscription is then deleted at Penneo.
   */
  public SubscriptionView rotate(long id, String actor) {
    Subscription s = find(id);
    if (s.getService() != WebhookService.CURRENT) {
      throw new InvalidRequestException("only subscriptions of the current service have a secret");
    }
    requireRegistered(s);
    String newKey = EndpointKeys.newKey();
    String oldPenneoId = s.getPenneoId();
    try {
      var created =
          penneo
              .client()
              .createSubscription(
                  s.getEventTypes(), endpoint(newKey), s.getState() != SubscriptionState.PAUSED);
      store.rotated(
          id,
          newKey,
          created.id(),
          created.secret(),
          clock.instant().plus(Duration.ofSeconds(rotationOverlapSeconds)),
          actor);
    } catch (PenneoApiException | PenneoNotConfiguredException e) {
      throw new PenneoRefusedException(
          "Penneo did not create the new subscription: " + e.getMessage());
    }
    try {
      penneo.client().deleteSubscription(oldPenneoId);
    } catch (PenneoApiException | PenneoNotConfiguredException e) {
      store.noteError(
          id, "the old subscription " + oldPenneoId + " is still at Penneo: " + e.getMessage());
    }
    LOG.info(() -> "Subscription " + id + ": secret rotated");
    return get(id);
  }

  public void delete(long id, String actor) {
    Subscription s = find(id);
    if (s.getPenneoId() != null) {
      try {
        if (s.getService() == WebhookService.LEGACY) {
          penneo.client().deleteLegacySubscription(Long.parseLong(s.getPenneoId()));
        } else {
          penneo.client().deleteSubscription(s.getPenneoId());
        }
      } catch (PenneoApiException | PenneoNotConfiguredException e) {
        store.noteError(id, "delete at Penneo failed: " + e.getMessage());
        throw new PenneoRefusedException(
            "Penneo did not delete the subscription: " + e.getMessage());
      }
    }
    store.delete(id, actor);
    LOG.info(() -> "Subscription " + id + " deleted at Penneo and here");
  }

  /**
   * Subscriptions recorded here as registered that Penneo no longer lists (deleted there, or a
   * sandbox that restarted): they will never be notified again.
   */
  public List<Long> missingAtPenneo() {
    var legacy =
        penneo.client().listLegacySubscriptions().stream()
            .map(l -> Long.toString(l.id()))
            .collect(java.util.stream.Collectors.toSet());
    var current =
        penneo.client().listSubscriptions().stream()
            .map(c -> c.id())
            .collect(java.util.stream.Collectors.toSet());
    return subscriptions.all().stream()
        .filter(s -> s.getPenneoId() != null)
        .filter(
            s ->
                s.getService() == WebhookService.LEGACY
                    ? !legacy.contains(s.getPenneoId())
                    : !current.contains(s.getPenneoId()))
        .map(Subscription::getId)
        .toList();
  }

  /** Marks a subscription that Penneo no longer has as FAILED, saying so. */
  public void lostAtPenneo(long id) {
    store.failed(id, "Penneo no longer lists this subscription: create a new one");
    LOG.warning(() -> "Subscription " + id + " is no longer at Penneo: marked FAILED");
  }

  public List<SubscriptionView> list() {
    return subscriptions.all().stream().map(this::view).toList();
  }

  public SubscriptionView get(long id) {
    return view(find(id));
  }

  private SubscriptionView view(Subscription s) {
    return SubscriptionView.of(s, publicUrl, subscriptions.lastCallAt(s).orElse(null));
  }

  private URI endpoint(String key) {
    return URI.create(SubscriptionView.endpointUrl(publicUrl, key));
  }

  private static void requireRegistered(Subscription s) {
    if (s.getPenneoId() == null) {
      throw new InvalidRequestException(
          "subscription "
              + s.getId()
              + " is not registered at Penneo (state "
              + s.getState()
              + ")");
    }
  }

  private Subscription find(long id) {
    return subscriptions
        .byId(id)
        .orElseThrow(() -> new NotFoundException("no subscription with id " + id));
  }
}
