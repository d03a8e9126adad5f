package org.penneoarchive.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Payloads for bag tests: "downloaded" files made through {@link FixityStream}, as the job does.
 */
final class BagFixtures {

  static final Instant COMPLETED = Instant.parse("2025-02-19T13:01:55Z");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-02-19T13:05:00Z"), ZoneOffset.UTC);

  private BagFixtures() {}

  static BagWriter writer(Path root) {
    return new BagWriter(root, "Example Municipality", "penneo-archive test", CLOCK);
  }

  static DownloadedFile download(Path tempDir, byte[] bytes) throws IOException {
    try {
      return FixityStream.copyToTempFile(
          new ByteArrayInputStream(bytes), tempDir, 1 << 30, OptionalLong.of(bytes.length));
    } catch (DocumentTooLargeException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] pdfBytes(String label, int size) throws IOException {
    byte[] bytes = TestPdfs.randomBytes(size, label.hashCode()).readAllBytes();
    byte[] header = ("%PDF-1.7 " + label + "\n").getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(header, 0, bytes, 0, Math.min(header.length, bytes.length));
    return bytes;
  }

  /** Two documents and one XAdES file, under the names the job gives them. */
  static List<BagEntry> payload(Path tempDir, Map<String, byte[]> contents) throws IOException {
    List<BagEntry> entries = new ArrayList<>();
    for (Map.Entry<String, byte[]> entry : contents.entrySet()) {
      entries.add(BagEntry.of(entry.getKey(), download(tempDir, entry.getValue())));
    }
    return entries;
  }

  static Map<String, byte[]> contents() throws IOException {
    Map<String, byte[]> contents = new TreeMap<>();
    contents.put(
        ArchiveFileNames.documentFileName(1001, "Employment contract"), pdfBytes("a", 300_000));
    contents.put(ArchiveFileNames.documentFileName(1002, "契約書 ../../etc/x"), pdfBytes("b", 5_000));
    contents.put(
        ArchiveFileNames.attachmentFileName(1001, "Signature for Alice.xml"),
        TestPdfs.xades("Alice"));
    return contents;
  }

  static byte[] caseFileJson(String title) {
    return ("{\"id\":531,\"title\":\"" + title + "\",\"status\":5}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Every file under {@code dir} with its modification time and SHA-256: a bag's fingerprint. */
  static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            files.put(
                dir.relativize(file).toString(),
                attributes.lastModifiedTime()
                    + " "
                    + HexFormat.of().formatHex(TestPdfs.sha256(Files.readAllBytes(file))));
            return FileVisitResult.CONTINUE;
          }
        });
    return files;
  }
}
