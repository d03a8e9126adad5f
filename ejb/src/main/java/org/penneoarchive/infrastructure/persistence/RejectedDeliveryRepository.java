package org.penneoarchive.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.penneoarchive.model.RejectedDelivery;

/** Refused webhook calls, capped so that anonymous callers cannot fill the disk. */
@ApplicationScoped
public class RejectedDeliveryRepository {

  @PersistenceContext EntityManager em;

  public void add(RejectedDelivery r) {
    em.persist(r);
  }

  /** Deletes all but the newest {@code keep} rows; returns how many went. */
  public int prune(int keep) {
    List<Long> threshold =
        em.createQuery("select r.id from RejectedDelivery r order by r.id desc", Long.class)
            .setFirstResult(keep)
            .setMaxResults(1)
            .getResultList();
    if (threshold.isEmpty()) {
      return 0;
    }
    return em.createQuery("delete from RejectedDelivery r where r.id <= :id")
        .setParameter("id", threshold.get(0))
        .executeUpdate();
  }

  public List<RejectedDelivery> newest(int page, int size) {
    return em.createQuery(
            "select r from RejectedDelivery r order by r.id desc", RejectedDelivery.class)
        .setFirstResult(page * size)
        .setMaxResults(size)
        .getResultList();
  }

  public long count() {
    return em.createQuery("select count(r) from RejectedDelivery r", Long.class).getSingleResult();
  }
}
