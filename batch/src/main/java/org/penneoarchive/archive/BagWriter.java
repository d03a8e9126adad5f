package org.penneoarchive.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes the BagIt 1.0 bag (RFC 8493) of one case file: {@code bagit.txt}, {@code bag-info.txt},
 * payload manifests and tag manifests for SHA-256 and SHA-512, and {@code data/} with the signed
 * PDFs, their XAdES files and {@code casefile.json}.
 *
 * <p>A bag appears whole or not at all: it is assembled in {@code {root}/.staging/} (the same file
 * system) and renamed into {@code {root}/{yyyy}/{mm}/casefile-{id}} with an atomic move; staging
 * leftovers of a crash are removed by {@link #cleanStaging()}. An existing bag is never
 * overwritten: the same files with the same SHA-256 make the write a no-op ({@link
 * BagResult.Status#ALREADY_PRESENT}), anything else is a {@link BagConflictException}.
 *
 * <p>Payload files are hard-linked from their sources when they share the file system (no byte is
 * read or copied; their hashes come from the download), otherwise copied once and checked against
 * those hashes. Sources are never moved or changed, so a failed write can simply be retried. The
 * payload files get the same permissions as the tag files the writer creates, i.e. the server's
 * umask, not the private mode of temporary files.
 */
public final class BagWriter {

  /** The staging folder under the archive root; never a {@code yyyy} folder, so never audited. */
  public static final String STAGING = ".staging";

  private static final String[] ALGORITHMS = {"sha256", "sha512"};

  private final Path archiveRoot;
  private final String sourceOrganization;
  private final String softwareAgent;
  private final Clock clock;

  /**
   * @param sourceOrganization the {@code Source-Organization} of {@code bag-info.txt}
   * @param softwareAgent the {@code Bag-Software-Agent}, e.g. "penneo-archive 1.0"
   */
  public BagWriter(Path archiveRoot, String sourceOrganization, String softwareAgent, Clock clock) {
    this.archiveRoot = Objects.requireNonNull(archiveRoot, "archiveRoot");
    this.sourceOrganization = tagValue(sourceOrganization, "sourceOrganization");
    this.softwareAgent = tagValue(softwareAgent, "softwareAgent");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public BagWriter(Path archiveRoot, String sourceOrganization) {
    this(archiveRoot, sourceOrganization, "penneo-archive", Clock.systemUTC());
  }

  /**
   * Writes the bag of a case file, or finds it already written.
   *
   * @param completedAt the completion at Penneo, which places the bag ({@link
   *     ArchiveFileNames#bagPath})
   * @param payload the PDFs and XAdES files; names unique (ignoring case)
   * @param caseFileJson the content of {@code data/casefile.json}; it must depend only on the case
   *     file, not on when it is written, or a re-run would conflict with the first bag
   * @throws BagConflictException if a different bag is already in place; it is left untouched
   * @throws IOException if the bag cannot be written; nothing is left in the archive
   */
  public BagResult write(
      long caseFileId, Instant completedAt, List<BagEntry> payload, byte[] caseFileJson)
      throws IOException, BagConflictException {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(caseFileJson, "caseFileJson");
    Path bagDir = ArchiveFileNames.bagPath(archiveRoot, caseFileId, completedAt);
    checkUnique(payload);

    Digests json = FixityStream.digest(caseFileJson);
    SortedMap<String, Digests> manifest = new TreeMap<>();
    manifest.put(dataPath(ArchiveFileNames.CASE_FILE_JSON), json);
    for (BagEntry entry : payload) {
      manifest.put(
          dataPath(entry.fileName()),
          new Digests(entry.size(), entry.sha256Hex(), entry.sha512Hex()));
    }
    if (Files.exists(bagDir, LinkOption.NOFOLLOW_LINKS)) {
      return existing(bagDir, manifest);
    }

    Path stagingRoot = Files.createDirectories(archiveRoot.resolve(STAGING));
    Path staging =
        Files.createTempDirectory(stagingRoot, ArchiveFileNames.bagDirectoryName(caseFileId) + "-");
    try {
      assemble(staging, caseFileId, payload, caseFileJson, manifest);
      Files.createDirectories(bagDir.getParent());
      try {
        Files.move(staging, bagDir, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        throw e;
      } catch (FileSystemException e) {
        if (Files.exists(bagDir, LinkOption.NOFOLLOW_LINKS)) {
          // Another writer put the bag in place first.
          return existing(bagDir, manifest);
        }
        throw e;
      }
      syncDirectory(bagDir.getParent());
      return new BagResult(BagResult.Status.WRITTEN, bagDir, manifest.size(), totalSize(manifest));
    } finally {
      if (Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
        deleteTree(staging);
      }
    }
  }

  /**
   * Removes every staging leftover. Call it when no bag is being written, e.g. at start-up before
   * the archive job runs.
   *
   * @return how many leftovers were removed
   */
  public int cleanStaging() throws IOException {
    return clean(null);
  }

  /** Removes the staging leftovers not modified for {@code minAge}: safe while bags are written. */
  public int cleanStaging(Duration minAge) throws IOException {
    return clean(clock.instant().minus(minAge));
  }

  /** Removes the leftovers last modified at or before {@code cutoff}; all if it is null. */
  private int clean(Instant cutoff) throws IOException {
    Path stagingRoot = archiveRoot.resolve(STAGING);
    if (!Files.isDirectory(stagingRoot, LinkOption.NOFOLLOW_LINKS)) {
      return 0;
    }
    List<Path> leftovers;
    try (Stream<Path> listing = Files.list(stagingRoot)) {
      leftovers = listing.toList();
    }
    int removed = 0;
    for (Path leftover : leftovers) {
      if (cutoff == null
          || !Files.getLastModifiedTime(leftover, LinkOption.NOFOLLOW_LINKS)
              .toInstant()
              .isAfter(cutoff)) {
        deleteTree(leftover);
        removed++;
      }
    }
    return removed;
  }

  private void assemble(
      Path staging,
      long caseFileId,
      List<BagEntry> payload,
      byte[] caseFileJson,
      SortedMap<String, Digests> manifest)
      throws IOException {
    Path data = Files.createDirectory(staging.resolve(BagItFiles.DATA));
    Map<String, byte[]> tagFiles = new LinkedHashMap<>();
    tagFiles.put(
        BagItFiles.BAGIT_TXT,
        "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
            .getBytes(StandardCharsets.UTF_8));
    writeNew(staging.resolve(BagItFiles.BAGIT_TXT), tagFiles.get(BagItFiles.BAGIT_TXT));
    Set<PosixFilePermission> permissions = permissionsOf(staging.resolve(BagItFiles.BAGIT_TXT));

    writeNew(data.resolve(ArchiveFileNames.CASE_FILE_JSON), caseFileJson);
    for (BagEntry entry : payload) {
      place(entry, data.resolve(entry.fileName()), permissions);
    }
    syncDirectory(data);

    tagFiles.put(BagItFiles.BAG_INFO_TXT, bagInfo(caseFileId, manifest));
    for (String algorithm : ALGORITHMS) {
      StringBuilder lines = new StringBuilder();
      manifest.forEach(
          (path, digests) -> lines.append(BagItFiles.line(pick(digests, algorithm), path)));
      tagFiles.put(
          BagItFiles.manifestName(algorithm), lines.toString().getBytes(StandardCharsets.UTF_8));
    }
    for (Map.Entry<String, byte[]> tag : tagFiles.entrySet()) {
      if (!tag.getKey().equals(BagItFiles.BAGIT_TXT)) {
        writeNew(staging.resolve(tag.getKey()), tag.getValue());
      }
    }
    for (String algorithm : ALGORITHMS) {
      StringBuilder lines = new StringBuilder();
      for (Map.Entry<String, byte[]> tag : tagFiles.entrySet()) {
        lines.append(
            BagItFiles.line(pick(FixityStream.digest(tag.getValue()), algorithm), tag.getKey()));
      }
      writeNew(
          staging.resolve(BagItFiles.tagManifestName(algorithm)),
          lines.toString().getBytes(StandardCharsets.UTF_8));
    }
    syncDirectory(staging);
  }

  private byte[] bagInfo(long caseFileId, SortedMap<String, Digests> manifest) {
    String info =
        "Source-Organization: "
            + sourceOrganization
            + "\nExternal-Identifier: penneo-casefile-"
            + caseFileId
            + "\nBagging-Date: "
            + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
            + "\n"
            + BagItFiles.PAYLOAD_OXUM
            + ": "
            + totalSize(manifest)
            + "."
            + manifest.size()
            + "\nBag-Software-Agent: "
            + softwareAgent
            + "\n";
    return info.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Puts a payload file in place: a hard link when possible (nothing is read), else a copy that is
   * checked against the hashes computed at download.
   */
  private static void place(BagEntry entry, Path target, Set<PosixFilePermission> permissions)
      throws IOException {
    boolean linked;
    try {
      Files.createLink(target, entry.source());
      linked = true;
    } catch (UnsupportedOperationException | FileSystemException | SecurityException e) {
      if (e instanceof FileAlreadyExistsException) {
        throw (FileAlreadyExistsException) e;
      }
      linked = false;
    }
    if (linked) {
      long size = Files.size(target);
      if (size != entry.size()) {
        throw new IOException(
            entry.source()
                + " has "
                + size
                + " bytes, not the "
                + entry.size()
                + " it was hashed"
                + " with.");
      }
      if (permissions != null) {
        Files.setPosixFilePermissions(target, permissions);
      }
      return;
    }
    Digests copied;
    try (InputStream in = Files.newInputStream(entry.source())) {
      copied = FixityStream.write(in, target, Long.MAX_VALUE, entry.fileName());
    } catch (DocumentTooLargeException e) {
      throw new IllegalStateException("No file is larger than Long.MAX_VALUE bytes.", e);
    }
    if (copied.size() != entry.size()
        || !copied.sha256Hex().equals(entry.sha256Hex())
        || !copied.sha512Hex().equals(entry.sha512Hex())) {
      throw new IOException(entry.source() + " changed since it was hashed; it is not archived.");
    }
  }

  /** The verdict on a bag found at the final place: the same bag, or a conflict. */
  private static BagResult existing(Path bagDir, SortedMap<String, Digests> wanted)
      throws BagConflictException {
    Path manifestFile = bagDir.resolve(BagItFiles.manifestName("sha256"));
    Map<String, String> present;
    try {
      present = BagItFiles.readManifest(manifestFile);
    } catch (IOException e) {
      throw new BagConflictException(
          bagDir, "it has no readable manifest-sha256.txt (" + e.getMessage() + ")");
    }
    List<String> differences = new ArrayList<>();
    for (Map.Entry<String, Digests> entry : wanted.entrySet()) {
      String hash = present.get(entry.getKey());
      if (hash == null) {
        differences.add(entry.getKey() + " is not in it");
      } else if (!hash.equals(entry.getValue().sha256Hex())) {
        differences.add(entry.getKey() + " has a different SHA-256");
      } else {
        Path file = bagDir.resolve(entry.getKey());
        try {
          if (Files.size(file) != entry.getValue().size()) {
            differences.add(entry.getKey() + " has a different size on disk");
          }
        } catch (IOException e) {
          differences.add(entry.getKey() + " is listed but missing");
        }
      }
    }
    for (String path : present.keySet()) {
      if (!wanted.containsKey(path)) {
        differences.add(path + " is only in the existing bag");
      }
    }
    if (!differences.isEmpty()) {
      int shown = Math.min(differences.size(), 5);
      throw new BagConflictException(
          bagDir,
          String.join("; ", differences.subList(0, shown))
              + (differences.size() > shown
                  ? " and " + (differences.size() - shown) + " more"
                  : ""));
    }
    return new BagResult(
        BagResult.Status.ALREADY_PRESENT, bagDir, wanted.size(), totalSize(wanted));
  }

  private static void checkUnique(List<BagEntry> payload) {
    Set<String> names = new HashSet<>();
    for (BagEntry entry : payload) {
      if (!names.add(entry.fileName().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "Two payload files are named '" + entry.fileName() + "' (ignoring case).");
      }
    }
  }

  private static String dataPath(String fileName) {
    return BagItFiles.DATA + "/" + fileName;
  }

  private static String pick(Digests digests, String algorithm) {
    return algorithm.equals("sha256") ? digests.sha256Hex() : digests.sha512Hex();
  }

  private static long totalSize(Map<String, Digests> manifest) {
    return manifest.values().stream().mapToLong(Digests::size).sum();
  }

  private static void writeNew(Path file, byte[] bytes) throws IOException {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  private static Set<PosixFilePermission> permissionsOf(Path file) throws IOException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    return view == null ? null : view.readAttributes().permissions();
  }

  /** Flushes a directory's entries to disk where the platform allows it (Linux does). */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Not supported on every platform; the files themselves are already forced.
    }
  }

  static void deleteTree(Path root) throws IOException {
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException failure)
              throws IOException {
            if (failure != null) {
              throw failure;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static String tagValue(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank() || value.contains("\n") || value.contains("\r")) {
      throw new IllegalArgumentException(what + " must be one non-blank line: '" + value + "'");
    }
    return value.strip();
  }
}
