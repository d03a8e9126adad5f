package org.penneoarchive.archive;

/**
 * The file is not a PDF that can be archived: it does not parse, is truncated, is encrypted, or
 * exceeds one of {@link PdfInspector.Limits}. The message is the reason kept with the quarantined
 * document, e.g. "not a PDF: no %PDF- header in the first 1024 bytes".
 */
public final class InvalidPdfException extends DocumentRejectedException {

  public InvalidPdfException(String reason) {
    super(reason);
  }

  public InvalidPdfException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
