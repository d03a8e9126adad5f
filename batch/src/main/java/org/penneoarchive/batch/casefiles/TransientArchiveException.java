package org.penneoarchive.batch.casefiles;

import java.io.IOException;

/**
 * A passing fault while archiving a case file: Penneo unavailable or not ready yet, a download cut
 * short, a disk error. Retryable in the job XML; after {@code archive.item-attempts} attempts the
 * case file is deferred to the next sweep ({@link CaseFileDeferredException}).
 */
public class TransientArchiveException extends IOException {

  private static final long serialVersionUID = 1L;

  public TransientArchiveException(String message, Throwable cause) {
    super(message, cause);
  }
}
