package org.penneoarchive.application.penneo;

import jakarta.ejb.ApplicationException;

/**
 * Checks could not be recorded because a notification changed one of their case files or signers
 * meanwhile (optimistic locking). Expected now and then; the transaction is rolled back without the
 * container's error report, and the caller records the checks one by one.
 */
@ApplicationException(rollback = true)
public class ChangedMeanwhileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ChangedMeanwhileException(String message, Throwable cause) {
    super(message, cause);
  }
}
