package org.penneoarchive.application.subscription;

import jakarta.ejb.ApplicationException;

/** The thing asked for does not exist (here). */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}
