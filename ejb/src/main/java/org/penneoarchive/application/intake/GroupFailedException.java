package org.penneoarchive.application.intake;

import jakarta.ejb.ApplicationException;

/**
 * A group of notifications processed in one transaction failed and was rolled back. That is no one
 * notification's failure: each is processed again alone ({@link GroupCommit}), so the container
 * rolls back without its error report.
 */
@ApplicationException(rollback = true)
public class GroupFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GroupFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
