package org.penneoarchive.application.subscription;

import jakarta.ejb.ApplicationException;

/** A request from the API or the console that cannot be carried out as asked; says why. */
@ApplicationException(rollback = true)
public class InvalidRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    super(message);
  }
}
