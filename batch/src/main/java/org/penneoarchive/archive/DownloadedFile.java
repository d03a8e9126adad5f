package org.penneoarchive.archive;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A document streamed to a temporary file, with the fixity computed while it was written and the
 * SHA-256 checkpoints that let its seal check skip re-hashing it ({@link DigestCheckpoints}). The
 * caller owns the file and deletes it when done (a {@link BagWriter} links or copies it, and never
 * moves it away).
 */
public record DownloadedFile(
    Path path, long size, String sha256Hex, String sha512Hex, DigestCheckpoints checkpoints) {

  public DownloadedFile {
    Objects.requireNonNull(checkpoints, "checkpoints");
  }

  /** A file without checkpoints: its seal check hashes the signed range itself. */
  public DownloadedFile(Path path, long size, String sha256Hex, String sha512Hex) {
    this(path, size, sha256Hex, sha512Hex, DigestCheckpoints.none());
  }

  public Digests digests() {
    return new Digests(size, sha256Hex, sha512Hex);
  }
}
