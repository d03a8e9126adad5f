package org.penneoarchive.archive;

/**
 * A document (or a file embedded in one) is larger than the configured maximum ({@code
 * archive.max-document-bytes}); reading stopped as soon as the limit was passed.
 */
public final class DocumentTooLargeException extends DocumentRejectedException {

  private final long maxBytes;

  public DocumentTooLargeException(String what, long maxBytes) {
    super(what + " is larger than the limit of " + maxBytes + " bytes");
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }
}
