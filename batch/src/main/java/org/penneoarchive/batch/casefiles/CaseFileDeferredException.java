package org.penneoarchive.batch.casefiles;

/**
 * A passing fault outlasted this job's attempts for a case file: skippable in the job XML, recorded
 * as {@code ARCHIVE_FAILED} marked retryable, so the next sweep takes it again.
 */
public class CaseFileDeferredException extends Exception {

  private static final long serialVersionUID = 1L;

  private final long caseFileId;

  public CaseFileDeferredException(long caseFileId, String reason, Throwable cause) {
    super(reason, cause);
    this.caseFileId = caseFileId;
  }

  public long caseFileId() {
    return caseFileId;
  }
}
