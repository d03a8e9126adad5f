package org.penneoarchive.batch.casefiles;

import java.nio.file.Path;

/**
 * A case file that cannot be archived as it is (a PDF that does not parse, is too large, a
 * different bag in its place, Penneo refusing for good): skippable in the job XML, recorded as
 * {@code ARCHIVE_FAILED} with its reason, kept out of sweeps until staff ask to archive it again.
 */
public class CaseFileQuarantinedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final long caseFileId;
  private final transient Path quarantinePath;

  public CaseFileQuarantinedException(
      long caseFileId, String reason, Path quarantinePath, Throwable cause) {
    super(reason, cause);
    this.caseFileId = caseFileId;
    this.quarantinePath = quarantinePath;
  }

  public long caseFileId() {
    return caseFileId;
  }

  /** Where the offending files were kept, or null when there was nothing to keep. */
  public Path quarantinePath() {
    return quarantinePath;
  }
}
