package org.penneoarchive.application.intake;

import jakarta.ejb.ApplicationException;

/**
 * A notification's transaction lost a race with another over the same rows ({@link
 * ConcurrentUpdateRetry#isLostRace}). Expected under load; the transaction is rolled back without
 * the container's error report, and the consumer processes the notification again at once.
 */
@ApplicationException(rollback = true)
public class LostRaceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LostRaceException(String message, Throwable cause) {
    super(message, cause);
  }
}
