package org.penneoarchive.application.archive;

import jakarta.ejb.ApplicationException;

/** Archiving was asked for a case file that cannot be archived now; the message says why. */
@ApplicationException(rollback = true)
public class ArchiveRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ArchiveRefusedException(String message) {
    super(message);
  }
}
