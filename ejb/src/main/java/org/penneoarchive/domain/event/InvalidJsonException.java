package org.penneoarchive.domain.event;

/**
 * A request body that cannot be read as what it must be: not JSON, not a JSON object, nested too
 * deeply, or a form body over its limits. The message is the reason recorded with the refused
 * delivery (answered {@code 400}).
 */
public final class InvalidJsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidJsonException(String message) {
    super(message);
  }

  public InvalidJsonException(String message, Throwable cause) {
    super(message, cause);
  }
}
