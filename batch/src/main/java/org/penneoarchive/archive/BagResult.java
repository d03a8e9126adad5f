package org.penneoarchive.archive;

import java.nio.file.Path;

/**
 * What {@link BagWriter#write} did: wrote a new bag, or found the identical bag already there (a
 * re-run of the same case file, which must add nothing).
 *
 * @param bagDir the bag's final directory
 * @param payloadFiles the number of files under {@code data/}, {@code casefile.json} included
 * @param payloadBytes their total size
 */
public record BagResult(Status status, Path bagDir, int payloadFiles, long payloadBytes) {

  /** Whether this call wrote the bag. */
  public enum Status {
    WRITTEN,
    ALREADY_PRESENT
  }

  public boolean alreadyPresent() {
    return status == Status.ALREADY_PRESENT;
  }

  /** Where a payload file of this bag is, e.g. to record a document's archive path. */
  public Path payloadFile(String fileName) {
    return bagDir.resolve(BagItFiles.DATA).resolve(fileName);
  }
}
