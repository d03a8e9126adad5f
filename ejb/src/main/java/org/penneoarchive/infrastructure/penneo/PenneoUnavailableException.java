package org.penneoarchive.infrastructure.penneo;

/**
 * Penneo could not be reached or kept failing with a passing error ({@code 429}, {@code 5xx},
 * connection errors) until the {@link RetryPolicy} gave up.
 *
 * <p>Its own type because its answer is "try again later": intake re-runs enrichment, the archive
 * job leaves the case file for the next sweep, and nothing is marked failed for good.
 */
public class PenneoUnavailableException extends PenneoApiException {

  private static final long serialVersionUID = 1L;

  private final int attempts;

  PenneoUnavailableException(
      PenneoCall call,
      String detail,
      int attempts,
      Integer status,
      String bodyExcerpt,
      Throwable cause) {
    super(Kind.TRANSIENT, call, detail, status, bodyExcerpt, cause);
    this.attempts = attempts;
  }

  /** How many attempts were made before giving up. */
  public int attempts() {
    return attempts;
  }
}
