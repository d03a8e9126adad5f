package org.penneoarchive.domain.event;

/**
 * An {@code eventTime} that is not a well-formed PHP {@code DateTime} JSON value. The message says
 * what was wrong, so that it can be recorded beside the delivery as it is.
 */
public final class InvalidEventTimeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidEventTimeException(String message) {
    super(message);
  }

  public InvalidEventTimeException(String message, Throwable cause) {
    super(message, cause);
  }
}
