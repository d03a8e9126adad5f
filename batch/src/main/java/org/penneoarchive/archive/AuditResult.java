package org.penneoarchive.archive;

import java.nio.file.Path;
import java.util.List;

/**
 * The fixity audit of one bag. Paths are relative to the bag, as in its manifests (e.g. {@code
 * data/531-Contract.pdf}, {@code bag-info.txt}).
 *
 * @param missing files listed in a manifest but not on disk
 * @param extra payload files on disk that no payload manifest lists
 * @param mismatched files whose bytes no longer match a listed checksum
 * @param problems anything else that makes the bag invalid (no bagit.txt, a malformed manifest, a
 *     path leaving the bag, a wrong Payload-Oxum, an unreadable file)
 * @param filesChecked how many files were hashed
 * @param bytesChecked how many bytes were hashed
 */
public record AuditResult(
    Path bagDir,
    List<String> missing,
    List<String> extra,
    List<String> mismatched,
    List<String> problems,
    int filesChecked,
    long bytesChecked) {

  public AuditResult {
    missing = List.copyOf(missing);
    extra = List.copyOf(extra);
    mismatched = List.copyOf(mismatched);
    problems = List.copyOf(problems);
  }

  /** True when the bag still matches its manifests exactly. */
  public boolean ok() {
    return missing.isEmpty() && extra.isEmpty() && mismatched.isEmpty() && problems.isEmpty();
  }
}
