package org.penneoarchive.archive;

import java.nio.file.Path;

/**
 * A bag already exists where a case file's bag belongs, and it holds different files or bytes. The
 * existing bag is left untouched: an archive is never overwritten, so staff must look at it.
 */
public final class BagConflictException extends Exception {

  private final transient Path bagDir;

  public BagConflictException(Path bagDir, String difference) {
    super("A different bag already exists at " + bagDir + ": " + difference);
    this.bagDir = bagDir;
  }

  public Path bagDir() {
    return bagDir;
  }
}
