package org.penneosandbox.pdf;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What a signed PDF shows: its case file and document, the signers whose XML signatures it carries,
 * the size to aim at, and optionally the uploaded original whose pages it keeps.
 */
public record PdfSpec(
    long caseFileId,
    String caseFileTitle,
    long documentId,
    String title,
    List<SignerRef> signers,
    long targetBytes,
    Path sourcePdf,
    Instant signedAt) {

  public record SignerRef(long id, String name) {}

  public PdfSpec {
    signers = List.copyOf(signers);
  }
}
