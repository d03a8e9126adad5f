package org.penneoarchive.archive;

/**
 * A document that cannot be archived as it is: fetching or checking it again will give the same
 * answer, so the job quarantines it with {@link #getMessage()} as the reason instead of retrying.
 * Transient faults are {@link java.io.IOException}s instead.
 */
public abstract class DocumentRejectedException extends Exception {

  protected DocumentRejectedException(String reason) {
    super(reason);
  }

  protected DocumentRejectedException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
