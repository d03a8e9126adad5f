package org.penneoarchive.application.subscription;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.penneoarchive.application.StaffActions;
import org.penneoarchive.model.Subscription;
import org.penneoarchive.model.SubscriptionState;

/**
 * The subscription's database side, each step in its own transaction: {@link SubscriptionService}
 * calls Penneo between them, and a row must be committed before Penneo can answer with a token.
 * Rows are locked while a step reads-and-writes them, so that a token arriving while the creation
 * is being recorded is never missed by both sides.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SubscriptionStore {

  @PersistenceContext EntityManager em;
  @Inject StaffActions actions;
  @Inject Event<SubscriptionsChanged> changes;

  private final Clock clock = Clock.systemUTC();

  public Subscription createPending(SubscriptionRequest r, String endpointKey, String actor) {
    Subscription s =
        new Subscription(r.service(), r.topic(), r.eventTypes(), endpointKey, clock.instant());
    em.persist(s);
    em.flush();
    changes.fire(new SubscriptionsChanged(s.getId()));
    actions.record(actor, "create subscription", "subscription " + s.getId(), describe(s));
    return s;
  }

  /** Records Penneo's id; returns the token to confirm with if one has arrived already. */
  public Optional<String> registeredLegacy(long id, long penneoId, boolean confirmed) {
    Subscription s = locked(id);
    s.registeredAtPenneo(Long.toString(penneoId), null, confirmed, clock.instant());
    return s.getState() == SubscriptionState.PENDING_CONFIRMATION
        ? Optional.ofNullable(s.getPendingToken())
        : Optional.empty();
  }

  public void registeredCurrent(long id, String penneoId, String secret, boolean active) {
    Subscription s = locked(id);
    s.registeredAtPenneo(penneoId, secret, true, clock.instant());
    if (!active) {
      s.paused();
    }
  }

  /** A token arrived: returns Penneo's id and the token when the subscription can be confirmed. */
  public Optional<String[]> toConfirm(long id) {
    Subscription s = em.find(Subscription.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (s == null
        || s.getState() != SubscriptionState.PENDING_CONFIRMATION
        || s.getPenneoId() == null
        || s.getPendingToken() == null) {
      return Optional.empty();
    }
    return Optional.of(new String[] {s.getPenneoId(), s.getPendingToken()});
  }

  public void confirmed(long id, String token) {
    Subscription s = locked(id);
    if (token.equals(s.getPendingToken())
        || s.getState() == SubscriptionState.PENDING_CONFIRMATION) {
      s.confirmed(clock.instant());
    }
  }

  /** Penneo refused the token (wrong or stale): recorded; the next token may still confirm. */
  public void confirmationRefused(long id, String token, String why) {
    Subscription s = locked(id);
    if (token.equals(s.getPendingToken())) {
      s.tokenReceived(null);
    }
    s.noteError("Penneo refused the confirmation token: " + why);
  }

  public void failed(long id, String why) {
    Subscription s = em.find(Subscription.class, id);
    if (s != null) {
      s.failed(why);
      changes.fire(new SubscriptionsChanged(id));
    }
  }

  public void noteError(long id, String why) {
    Subscription s = em.find(Subscription.class, id);
    if (s != null) {
      s.noteError(why);
    }
  }

  public void paused(long id, boolean paused, String actor) {
    Subscription s = locked(id);
    if (paused) {
      s.paused();
    } else {
      s.resumed();
    }
    actions.record(
        actor,
        paused ? "pause subscription" : "resume subscription",
        "subscription " + id,
        describe(s));
  }

  public void rotated(
      long id,
      String newKey,
      String newPenneoId,
      String newSecret,
      Instant overlapUntil,
      String actor) {
    Subscription s = locked(id);
    s.rotated(newKey, newPenneoId, newSecret, overlapUntil);
    actions.record(
        actor,
        "rotate subscription secret",
        "subscription " + id,
        "old secret accepted until " + overlapUntil);
  }

  public void tested(long id, String actor) {
    actions.record(
        actor, "test subscription", "subscription " + id, "asked Penneo for a test notification");
  }

  public void delete(long id, String actor) {
    Subscription s = em.find(Subscription.class, id);
    if (s != null) {
      actions.record(actor, "delete subscription", "subscription " + id, describe(s));
      em.remove(s);
      changes.fire(new SubscriptionsChanged(id));
    }
  }

  private Subscription locked(long id) {
    Subscription s = em.find(Subscription.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (s == null) {
      throw new NotFoundException("no subscription with id " + id);
    }
    changes.fire(new SubscriptionsChanged(id));
    return s;
  }

  private static String describe(Subscription s) {
    return s.getService().wireName()
        + (s.getTopic() != null ? " topic " + s.getTopic() : " event types " + s.getEventTypes());
  }
}
