package org.penneoarchive.infrastructure.penneo;

/**
 * Penneo refused a subscription with {@code 409}: the account already has one for that endpoint.
 *
 * <p>Its own type because the subscription service answers it differently from other refusals: the
 * endpoint key must be fresh, or an earlier attempt did succeed and must be looked up.
 */
public class SubscriptionConflictException extends PenneoApiException {

  private static final long serialVersionUID = 1L;

  SubscriptionConflictException(PenneoCall call, String bodyExcerpt) {
    super(
        Kind.PERMANENT,
        call,
        "was refused: the account already has a subscription for this endpoint",
        409,
        bodyExcerpt,
        null);
  }
}
