package org.penneoarchive.archive;

import java.nio.file.Path;

/**
 * A document streamed to a temporary file, with the fixity computed while it was written. The
 * caller owns the file and deletes it when done (a {@link BagWriter} links or copies it, and never
 * moves it away).
 */
public record DownloadedFile(Path path, long size, String sha256Hex, String sha512Hex) {

  public Digests digests() {
    return new Digests(size, sha256Hex, sha512Hex);
  }
}
