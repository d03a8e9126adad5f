package org.penneoarchive.application.intake;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.penneoarchive.application.casefile.Page;
import org.penneoarchive.application.subscription.InvalidRequestException;
import org.penneoarchive.infrastructure.persistence.RejectedDeliveryRepository;
import org.penneoarchive.model.Delivery;
import org.penneoarchive.model.DeliveryOutcome;

/** Reads webhook deliveries for operators. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DeliveryQueryService {

  @Inject RejectedDeliveryRepository rejected;
  @PersistenceContext EntityManager em;

  /**
   * Accepted calls with the given processing outcome (e.g. {@code NOT_UNDERSTOOD}: JSON that is not
   * a notification the product understands, kept and visible), newest first.
   */
  public Page<AcceptedDeliveryView> accepted(String outcome, int page, int size) {
    if (page < 0 || size < 1 || size > 200) {
      throw new InvalidRequestException("page must be ≥ 0 and size between 1 and 200");
    }
    DeliveryOutcome o;
    try {
      o = DeliveryOutcome.valueOf(outcome.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          "outcome must be rejected or one of "
              + java.util.Arrays.toString(DeliveryOutcome.values()));
    }
    var items =
        em
            .createQuery(
                "select d from Delivery d where d.outcome = :o order by d.receivedAt desc",
                Delivery.class)
            .setParameter("o", o)
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultList()
            .stream()
            .map(
                d ->
                    new AcceptedDeliveryView(
                        d.getId(),
                        d.getSubscriptionId(),
                        d.getReceivedAt(),
                        d.getContentType(),
                        d.getXEventType(),
                        d.getOutcome().name(),
                        d.getDetail(),
                        d.getBody().length() <= 4096
                            ? d.getBody()
                            : d.getBody().substring(0, 4096)))
            .toList();
    long total =
        em.createQuery("select count(d) from Delivery d where d.outcome = :o", Long.class)
            .setParameter("o", o)
            .getSingleResult();
    return new Page<>(items, page, size, total);
  }

  public Page<RejectedDeliveryView> rejected(int page, int size) {
    if (page < 0 || size < 1 || size > 200) {
      throw new InvalidRequestException("page must be ≥ 0 and size between 1 and 200");
    }
    var items =
        rejected.newest(page, size).stream()
            .map(
                r ->
                    new RejectedDeliveryView(
                        r.getId(),
                        r.getReceivedAt(),
                        r.getEndpointKey(),
                        r.getHttpStatus(),
                        r.getReason(),
                        r.getContentType(),
                        r.getBodyBytes(),
                        r.getBodyExcerpt()))
            .toList();
    return new Page<>(items, page, size, rejected.count());
  }
}
