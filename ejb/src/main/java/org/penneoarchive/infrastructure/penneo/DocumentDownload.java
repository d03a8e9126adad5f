package org.penneoarchive.infrastructure.penneo;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An open download of a document's bytes from Penneo, to be streamed by the caller (to disk) and
 * closed.
 *
 * <p>The body is never held in memory: {@link #body()} reads from the connection as the bytes
 * arrive. Reading fails with an {@link IOException} when Penneo stays silent longer than the read
 * time-out or sends more than the document limit; it is not retried mid-stream (the caller starts
 * the download again). Closing before the end drops the connection.
 */
public final class DocumentDownload implements Closeable {

  private final long documentId;
  private final InputStream body;
  private final OptionalLong contentLength;
  private final String contentType;

  DocumentDownload(
      long documentId, InputStream body, OptionalLong contentLength, String contentType) {
    this.documentId = documentId;
    this.body = Objects.requireNonNull(body, "body");
    this.contentLength = Objects.requireNonNull(contentLength, "contentLength");
    this.contentType = contentType;
  }

  /** The document whose bytes these are. */
  public long documentId() {
    return documentId;
  }

  /** The bytes, as Penneo sends them; read once. */
  public InputStream body() {
    return body;
  }

  /** The length Penneo announced, if it did. */
  public OptionalLong contentLength() {
    return contentLength;
  }

  /** Penneo's {@code Content-Type}, e.g. {@code application/pdf}, or {@code null}. */
  public String contentType() {
    return contentType;
  }

  @Override
  public void close() throws IOException {
    body.close();
  }

  @Override
  public String toString() {
    return "DocumentDownload[documentId="
        + documentId
        + ", contentLength="
        + contentLength
        + ", contentType="
        + contentType
        + "]";
  }
}
