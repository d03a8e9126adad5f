package org.penneoarchive.archive;

import java.io.IOException;

/**
 * The download ended with a different number of bytes than its {@code Content-Length} announced:
 * the connection broke or the server lied. An {@link IOException}, so the job retries it.
 */
public final class TruncatedDownloadException extends IOException {

  private final long expectedBytes;
  private final long receivedBytes;

  public TruncatedDownloadException(long expectedBytes, long receivedBytes) {
    super(
        "The download announced "
            + expectedBytes
            + " bytes but "
            + receivedBytes
            + " bytes arrived.");
    this.expectedBytes = expectedBytes;
    this.receivedBytes = receivedBytes;
  }

  public long expectedBytes() {
    return expectedBytes;
  }

  public long receivedBytes() {
    return receivedBytes;
  }
}
