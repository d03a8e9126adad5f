package org.penneoarchive.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.penneoarchive.model.Subscription;

/** Subscriptions by id or endpoint key. */
@ApplicationScoped
public class SubscriptionRepository {

  @PersistenceContext EntityManager em;

  public Optional<Subscription> byEndpointKey(String key) {
    return em
        .createQuery("select s from Subscription s where s.endpointKey = :k", Subscription.class)
        .setParameter("k", key)
        .getResultList()
        .stream()
        .findFirst();
  }

  public Optional<Subscription> byId(long id) {
    return Optional.ofNullable(em.find(Subscription.class, id));
  }

  public Optional<Subscription> byIdLocked(long id) {
    return Optional.ofNullable(
        em.find(Subscription.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
  }

  public List<Subscription> all() {
    return em.createQuery("select s from Subscription s order by s.id", Subscription.class)
        .getResultList();
  }

  /** When a call last reached the subscription's endpoint, accepted or refused. */
  public Optional<Instant> lastCallAt(Subscription s) {
    Instant accepted =
        em.createQuery(
                "select max(d.receivedAt) from Delivery d where d.subscriptionId = :id",
                Instant.class)
            .setParameter("id", s.getId())
            .getSingleResult();
    Instant refused =
        em.createQuery(
                "select max(r.receivedAt) from RejectedDelivery r where r.endpointKey = :k",
                Instant.class)
            .setParameter("k", s.getEndpointKey())
            .getSingleResult();
    if (accepted == null) {
      return Optional.ofNullable(refused);
    }
    return Optional.of(refused == null || accepted.isAfter(refused) ? accepted : refused);
  }

  public void add(Subscription s) {
    em.persist(s);
  }

  public void remove(Subscription s) {
    em.remove(s);
  }
}
