package org.penneoarchive.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The archive root must exist (it is created if missing), be writable, and keep a minimum of free
 * space: a bag that cannot be written is a case file left waiting.
 */
public final class ArchiveDirectoryProbe {

  static final String NAME = "archive-directory";

  private ArchiveDirectoryProbe() {}

  public static Probe check(Path root, long minFreeBytes) {
    try {
      Files.createDirectories(root);
      if (!Files.isDirectory(root)) {
        return Probe.down(NAME, root + " is not a directory");
      }
      Path probe = Files.createTempFile(root, ".health-", ".tmp");
      Files.delete(probe);
      long free = Files.getFileStore(root).getUsableSpace();
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("path", root.toString());
      data.put("freeBytes", free);
      data.put("minFreeBytes", minFreeBytes);
      if (free < minFreeBytes) {
        data.put("reason", "free space " + free + " bytes is below the minimum " + minFreeBytes);
        return new Probe(NAME, false, data);
      }
      return Probe.up(NAME, data);
    } catch (IOException | SecurityException e) {
      return Probe.down(NAME, root + " is not writable: " + e);
    }
  }
}
