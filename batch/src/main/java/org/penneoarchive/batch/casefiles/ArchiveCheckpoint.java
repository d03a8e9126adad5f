package org.penneoarchive.batch.casefiles;

import java.io.Serializable;
import java.util.List;

/**
 * Where the reader is: the case files this execution was given (fixed at its start) and the index
 * of the next one. Value equality matters: JBeret compares checkpoints to find the end of a retry.
 */
public record ArchiveCheckpoint(List<Long> caseFiles, int next) implements Serializable {

  private static final long serialVersionUID = 1L;

  public ArchiveCheckpoint {
    caseFiles = List.copyOf(caseFiles);
    if (next < 0 || next > caseFiles.size()) {
      throw new IllegalArgumentException("next " + next + " outside 0.." + caseFiles.size());
    }
  }
}
