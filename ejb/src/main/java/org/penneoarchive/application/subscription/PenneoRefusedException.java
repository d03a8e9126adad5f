package org.penneoarchive.application.subscription;

import jakarta.ejb.ApplicationException;

/** Penneo refused or could not be reached for a request made on someone's behalf; says why. */
@ApplicationException(rollback = true)
public class PenneoRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PenneoRefusedException(String message) {
    super(message);
  }
}
