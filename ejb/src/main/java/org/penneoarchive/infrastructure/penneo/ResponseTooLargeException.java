package org.penneoarchive.infrastructure.penneo;

import java.io.IOException;

/**
 * Penneo's answer is longer than the limit set for it.
 *
 * <p>An {@link IOException} because it surfaces from reading a body stream, but never retried: the
 * same answer would be just as long again.
 */
final class ResponseTooLargeException extends IOException {

  private static final long serialVersionUID = 1L;

  ResponseTooLargeException(long limit) {
    super("Penneo's answer is larger than the limit of " + limit + " bytes; it was not read");
  }
}
