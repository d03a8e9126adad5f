package org.penneoarchive.application.intake;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.logging.Logger;
import org.penneoarchive.application.StaffActions;
import org.penneoarchive.application.casefile.Page;
import org.penneoarchive.application.subscription.InvalidRequestException;
import org.penneoarchive.application.subscription.NotFoundException;
import org.penneoarchive.model.DeadLetter;
import org.penneoarchive.model.ProcessingFailure;

/**
 * Notifications whose processing kept failing: why each attempt failed, the dead letters
 * themselves, and the replay or discard an administrator decides. A replay puts the same envelope
 * (same intake id) back on the queue, so it is deduplicated like any delivery.
 */
@Stateless
public class DeadLetterService {

  private static final Logger LOG = Logger.getLogger(DeadLetterService.class.getName());

  @PersistenceContext EntityManager em;
  @Inject NotificationQueue queue;
  @Inject StaffActions actions;

  private final Clock clock = Clock.systemUTC();

  /** Called when an attempt failed; its own transaction, as the failed one rolls back. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void attemptFailed(String intakeId, String error) {
    ProcessingFailure f = failure(intakeId);
    if (f == null) {
      f = new ProcessingFailure(intakeId);
      f.failed(error, clock.instant());
      em.persist(f);
    } else {
      f.failed(error, clock.instant());
    }
  }

  /** A message arrived on the dead-letter queue: keep it (idempotently) with its last error. */
  public void deadLettered(String envelopeJson) {
    NotificationEnvelope envelope = NotificationEnvelope.fromJson(envelopeJson);
    ProcessingFailure f = failure(envelope.intakeId());
    DeadLetter d =
        em
            .createQuery("select d from DeadLetter d where d.intakeId = :i", DeadLetter.class)
            .setParameter("i", envelope.intakeId())
            .getResultList()
            .stream()
            .findFirst()
            .orElse(null);
    boolean first = d == null;
    if (first) {
      d = new DeadLetter(envelope.intakeId(), envelope.subscriptionId(), envelopeJson);
    }
    d.died(
        clock.instant(),
        f == null ? "unknown (no failure recorded)" : f.getLastError(),
        f == null ? null : f.getAttempts());
    if (first) {
      em.persist(d);
    }
    LOG.warning(
        () ->
            "Notification "
                + envelope.intakeId()
                + " dead-lettered after failing processing; replay it from the API or console");
  }

  public Page<DeadLetterView> list(String state, int page, int size) {
    if (page < 0 || size < 1 || size > 200) {
      throw new InvalidRequestException("page must be ≥ 0 and size between 1 and 200");
    }
    DeadLetter.State s = state == null || state.isBlank() ? DeadLetter.State.DEAD : parse(state);
    var items =
        em
            .createQuery(
                "select d from DeadLetter d where d.state = :s order by d.deadLetteredAt desc",
                DeadLetter.class)
            .setParameter("s", s)
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultList()
            .stream()
            .map(DeadLetterService::view)
            .toList();
    long total =
        em.createQuery("select count(d) from DeadLetter d where d.state = :s", Long.class)
            .setParameter("s", s)
            .getSingleResult();
    return new Page<>(items, page, size, total);
  }

  public long countDead() {
    return em.createQuery("select count(d) from DeadLetter d where d.state = :s", Long.class)
        .setParameter("s", DeadLetter.State.DEAD)
        .getSingleResult();
  }

  public DeadLetterView replay(long id, String actor) {
    DeadLetter d = dead(id);
    NotificationEnvelope envelope = NotificationEnvelope.fromJson(d.getEnvelope());
    queue.enqueue(envelope, "replay-" + envelope.subscriptionId());
    d.replayed(actor, clock.instant());
    actions.record(actor, "replay dead letter", "dead letter " + id, envelope.intakeId());
    LOG.info(() -> "Dead letter " + id + " replayed by " + actor);
    return view(d);
  }

  public DeadLetterView discard(long id, String actor) {
    DeadLetter d = dead(id);
    d.discarded(actor, clock.instant());
    actions.record(actor, "discard dead letter", "dead letter " + id, d.getIntakeId());
    return view(d);
  }

  private DeadLetter dead(long id) {
    DeadLetter d = em.find(DeadLetter.class, id);
    if (d == null) {
      throw new NotFoundException("no dead letter with id " + id);
    }
    if (d.getState() != DeadLetter.State.DEAD) {
      throw new InvalidRequestException("dead letter " + id + " was already " + d.getState());
    }
    return d;
  }

  private ProcessingFailure failure(String intakeId) {
    return em
        .createQuery(
            "select f from ProcessingFailure f where f.intakeId = :i", ProcessingFailure.class)
        .setParameter("i", intakeId)
        .getResultList()
        .stream()
        .findFirst()
        .orElse(null);
  }

  private static DeadLetter.State parse(String s) {
    try {
      return DeadLetter.State.valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("state must be DEAD, REPLAYED or DISCARDED");
    }
  }

  private static DeadLetterView view(DeadLetter d) {
    NotificationEnvelope e = NotificationEnvelope.fromJson(d.getEnvelope());
    String body = e.body();
    return new DeadLetterView(
        d.getId(),
        d.getIntakeId(),
        d.getSubscriptionId(),
        e.receivedAt(),
        d.getDeadLetteredAt(),
        d.getState().name(),
        d.getLastError(),
        d.getAttempts(),
        body.length() <= 4096 ? body : body.substring(0, 4096),
        d.getHandledAt(),
        d.getHandledBy());
  }
}
