package org.penneoarchive.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Re-hashes bags and reports any that no longer match their manifests: the periodic proof that the
 * archive still holds exactly what was signed.
 *
 * <p>For one bag it reads every {@code manifest-*.txt} and {@code tagmanifest-*.txt} of a supported
 * algorithm, hashes each listed file once for all its algorithms (streamed with a fixed buffer),
 * and reports files missing, payload files no manifest lists, checksums that differ, and structural
 * problems. It never changes a bag. Paths in a manifest that would leave the bag are reported, not
 * followed.
 */
public final class FixityAuditor {

  private static final Pattern MANIFEST = Pattern.compile("(tag)?manifest-([a-z0-9]+)\\.txt");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern MONTH = Pattern.compile("\\d{2}");
  private static final Pattern BAG = Pattern.compile("casefile-\\d+");

  /** Audits one bag; every finding is in the result, nothing is thrown for a damaged bag. */
  public AuditResult audit(Path bagDir) {
    Audit audit = new Audit(bagDir.toAbsolutePath().normalize());
    audit.run();
    return audit.result();
  }

  /** Audits every bag under {@code {root}/{yyyy}/{mm}/casefile-*}, skipping everything else. */
  public List<AuditResult> auditAll(Path archiveRoot) throws IOException {
    List<AuditResult> results = new ArrayList<>();
    auditAll(archiveRoot, results::add);
    return results;
  }

  /** The same, handing each result over as soon as it is known. */
  public void auditAll(Path archiveRoot, Consumer<AuditResult> sink) throws IOException {
    for (Path year : children(archiveRoot, YEAR)) {
      for (Path month : children(year, MONTH)) {
        for (Path bag : children(month, BAG)) {
          sink.accept(audit(bag));
        }
      }
    }
  }

  private static List<Path> children(Path dir, Pattern name) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (Stream<Path> listing = Files.list(dir)) {
      return listing
          .filter(p -> name.matcher(p.getFileName().toString()).matches())
          .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .sorted()
          .toList();
    }
  }

  /** The state of one audit. */
  private static final class Audit {
    private final Path bagDir;
    private final Set<String> missing = new TreeSet<>();
    private final Set<String> extra = new TreeSet<>();
    private final Set<String> mismatched = new TreeSet<>();
    private final List<String> problems = new ArrayList<>();
    private int filesChecked;
    private long bytesChecked;

    Audit(Path bagDir) {
      this.bagDir = bagDir;
    }

    AuditResult result() {
      return new AuditResult(
          bagDir,
          List.copyOf(missing),
          List.copyOf(extra),
          List.copyOf(mismatched),
          problems,
          filesChecked,
          bytesChecked);
    }

    void run() {
      if (!Files.isDirectory(bagDir, LinkOption.NOFOLLOW_LINKS)) {
        problems.add("the bag directory does not exist");
        return;
      }
      if (!Files.isRegularFile(bagDir.resolve(BagItFiles.BAGIT_TXT), LinkOption.NOFOLLOW_LINKS)) {
        problems.add(BagItFiles.BAGIT_TXT + " is missing");
      }
      // path -> (java algorithm -> expected checksum)
      Map<String, Map<String, String>> payload = new TreeMap<>();
      Map<String, Map<String, String>> tags = new TreeMap<>();
      List<Map<String, String>> payloadManifests = new ArrayList<>();
      List<String> payloadManifestNames = new ArrayList<>();
      try (Stream<Path> listing = Files.list(bagDir)) {
        for (Path file : listing.sorted().toList()) {
          Matcher m = MANIFEST.matcher(file.getFileName().toString());
          if (!m.matches()) {
            continue;
          }
          String algorithm = BagItFiles.javaAlgorithm(m.group(2));
          if (algorithm == null) {
            problems.add(file.getFileName() + " uses an unsupported algorithm");
            continue;
          }
          Map<String, String> entries;
          try {
            entries = BagItFiles.readManifest(file);
          } catch (IOException e) {
            problems.add("cannot read " + file.getFileName() + ": " + e.getMessage());
            continue;
          }
          boolean tag = m.group(1) != null;
          for (Map.Entry<String, String> entry : entries.entrySet()) {
            if (!insideBag(entry.getKey())) {
              problems.add(file.getFileName() + " lists a path outside the bag: " + entry.getKey());
            } else if (!tag && !entry.getKey().startsWith(BagItFiles.DATA + "/")) {
              problems.add(file.getFileName() + " lists a path outside data/: " + entry.getKey());
            } else {
              (tag ? tags : payload)
                  .computeIfAbsent(entry.getKey(), k -> new LinkedHashMap<>())
                  .put(algorithm, entry.getValue());
            }
          }
          if (!tag) {
            payloadManifests.add(entries);
            payloadManifestNames.add(file.getFileName().toString());
          }
        }
      } catch (IOException e) {
        problems.add("cannot list the bag: " + e.getMessage());
        return;
      }
      if (payloadManifests.isEmpty()) {
        problems.add("there is no payload manifest");
      }
      Set<String> onDisk = payloadFiles();
      for (String path : onDisk) {
        if (!payload.containsKey(path)) {
          extra.add(path);
        } else {
          for (int i = 0; i < payloadManifests.size(); i++) {
            if (!payloadManifests.get(i).containsKey(path)) {
              problems.add(path + " is not listed in " + payloadManifestNames.get(i));
            }
          }
        }
      }
      long payloadBytes = 0;
      for (Map.Entry<String, Map<String, String>> entry : payload.entrySet()) {
        if (!onDisk.contains(entry.getKey())) {
          missing.add(entry.getKey());
        } else {
          payloadBytes += check(entry.getKey(), entry.getValue());
        }
      }
      for (Map.Entry<String, Map<String, String>> entry : tags.entrySet()) {
        if (!Files.isRegularFile(bagDir.resolve(entry.getKey()), LinkOption.NOFOLLOW_LINKS)) {
          missing.add(entry.getKey());
        } else {
          check(entry.getKey(), entry.getValue());
        }
      }
      checkOxum(payloadBytes, payload.size());
    }

    private void checkOxum(long payloadBytes, int listed) {
      Path info = bagDir.resolve(BagItFiles.BAG_INFO_TXT);
      if (!Files.isRegularFile(info) || !missing.isEmpty() || !extra.isEmpty()) {
        return;
      }
      try {
        for (String line : Files.readAllLines(info)) {
          if (line.startsWith(BagItFiles.PAYLOAD_OXUM + ":")) {
            String expected = line.substring(line.indexOf(':') + 1).strip();
            String actual = payloadBytes + "." + listed;
            if (!expected.equals(actual)) {
              problems.add("Payload-Oxum is " + expected + " but the payload is " + actual);
            }
          }
        }
      } catch (IOException e) {
        problems.add("cannot read " + BagItFiles.BAG_INFO_TXT + ": " + e.getMessage());
      }
    }

    private boolean insideBag(String path) {
      if (path.isEmpty() || path.contains("\\")) {
        return false;
      }
      Path resolved = bagDir.resolve(path).normalize();
      return resolved.startsWith(bagDir) && !resolved.equals(bagDir);
    }

    /** Payload files under data/, as bag-relative paths with '/' separators. */
    private Set<String> payloadFiles() {
      Set<String> files = new TreeSet<>();
      Path data = bagDir.resolve(BagItFiles.DATA);
      if (!Files.isDirectory(data, LinkOption.NOFOLLOW_LINKS)) {
        problems.add("the payload directory data/ is missing");
        return files;
      }
      try {
        Files.walkFileTree(
            data,
            new SimpleFileVisitor<>() {
              @Override
              public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String relative = bagDir.relativize(file).toString().replace('\\', '/');
                if (attributes.isRegularFile()) {
                  files.add(relative);
                } else {
                  problems.add(relative + " is not a regular file");
                }
                return FileVisitResult.CONTINUE;
              }
            });
      } catch (IOException e) {
        problems.add("cannot list data/: " + e.getMessage());
      }
      return files;
    }

    /** Hashes one file for all its algorithms in one pass; returns its size. */
    private long check(String path, Map<String, String> expected) {
      List<MessageDigest> digests = new ArrayList<>();
      for (String algorithm : expected.keySet()) {
        digests.add(FixityStream.newDigest(algorithm));
      }
      long size = 0;
      try (FileChannel channel =
          FileChannel.open(
              bagDir.resolve(path), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
        ByteBuffer buffer = ByteBuffer.allocate(FixityStream.BUFFER_SIZE);
        while (channel.read(buffer) >= 0) {
          buffer.flip();
          for (MessageDigest digest : digests) {
            digest.update(buffer.array(), 0, buffer.limit());
          }
          size += buffer.limit();
          buffer.clear();
        }
      } catch (IOException e) {
        problems.add("cannot read " + path + ": " + e.getMessage());
        return 0;
      }
      filesChecked++;
      bytesChecked += size;
      int i = 0;
      for (String checksum : expected.values()) {
        if (!HexFormat.of().formatHex(digests.get(i++).digest()).equals(checksum)) {
          mismatched.add(path);
        }
      }
      return size;
    }
  }
}
