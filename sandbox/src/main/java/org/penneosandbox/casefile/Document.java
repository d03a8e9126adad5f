package org.penneosandbox.casefile;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A document and its signed PDF on disk. The bytes are fixed at creation: every download of {@code
 * /content} or {@code /pdf} serves the same file.
 */
public final class Document {
  private final long id;
  private final long caseFileId;
  private final String title;
  private final Instant created;
  private final Path file;
  private final long size;
  private final long originalLength;
  private final Path uploadedOriginal;
  private final int pages;
  private volatile int status = Status.DOCUMENT_NEW;

  public Document(
      long id,
      long caseFileId,
      String title,
      Instant created,
      Path file,
      long size,
      long originalLength,
      Path uploadedOriginal,
      int pages) {
    this.id = id;
    this.caseFileId = caseFileId;
    this.title = title;
    this.created = created;
    this.file = file;
    this.size = size;
    this.originalLength = originalLength;
    this.uploadedOriginal = uploadedOriginal;
    this.pages = pages;
  }

  public long id() {
    return id;
  }

  public long caseFileId() {
    return caseFileId;
  }

  public String title() {
    return title;
  }

  public Instant created() {
    return created;
  }

  public Path file() {
    return file;
  }

  public long size() {
    return size;
  }

  /** Length of the unsigned original: the signed file's prefix, or the uploaded file's size. */
  public long originalLength() {
    return originalLength;
  }

  /** The uploaded file when the case file came through the send API; null otherwise. */
  public Path uploadedOriginal() {
    return uploadedOriginal;
  }

  public int pages() {
    return pages;
  }

  public int status() {
    return status;
  }

  public void status(int status) {
    this.status = status;
  }
}
