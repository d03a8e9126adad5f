package org.penneoarchive.application.intake;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.penneoarchive.application.casefile.Page;
import org.penneoarchive.application.subscription.InvalidRequestException;
import org.penneoarchive.infrastructure.persistence.RejectedDeliveryRepository;

/** Reads webhook deliveries for operators. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DeliveryQueryService {

  @Inject RejectedDeliveryRepository rejected;

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
