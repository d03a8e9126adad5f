package org.penneoarchive.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixityAuditorTest {

  @TempDir Path root;
  @TempDir Path downloads;

  private final FixityAuditor auditor = new FixityAuditor();
  private Path bag;
  private String pdf;

  @BeforeEach
  void writeBag() throws Exception {
    List<BagEntry> payload = BagFixtures.payload(downloads, BagFixtures.contents());
    pdf = "data/" + payload.get(0).fileName();
    bag =
        BagFixtures.writer(root)
            .write(531, BagFixtures.COMPLETED, payload, BagFixtures.caseFileJson("Hiring"))
            .bagDir();
  }

  @Test
  void aFreshBagPasses() {
    AuditResult result = auditor.audit(bag);

    assertTrue(result.ok(), result.toString());
    assertEquals(4 + 4, result.filesChecked(), "4 payload files and 4 tag files");
    assertTrue(result.bytesChecked() > 300_000);
  }

  @Test
  void aFlippedByteIsFound() throws Exception {
    Path file = bag.resolve(pdf);
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      channel.read(one, 150_000);
      one.put(0, (byte) (one.get(0) ^ 0x01)).rewind();
      channel.write(one, 150_000);
    }

    AuditResult result = auditor.audit(bag);

    assertFalse(result.ok());
    assertEquals(List.of(pdf), result.mismatched());
    assertEquals(List.of(), result.missing());
    assertEquals(List.of(), result.extra());
  }

  @Test
  void aMissingFileIsFound() throws Exception {
    Files.delete(bag.resolve(pdf));

    AuditResult result = auditor.audit(bag);

    assertEquals(List.of(pdf), result.missing());
    assertEquals(List.of(), result.mismatched());
  }

  @Test
  void anExtraFileIsFound() throws Exception {
    Files.writeString(bag.resolve("data/smuggled.pdf"), "%PDF-1.7");

    AuditResult result = auditor.audit(bag);

    assertEquals(List.of("data/smuggled.pdf"), result.extra());
    assertEquals(List.of(), result.mismatched());
  }

  @Test
  void anEditedTagFileIsFound() throws Exception {
    Path info = bag.resolve("bag-info.txt");
    Files.writeString(info, Files.readString(info).replace("Example", "Exemple"));

    AuditResult result = auditor.audit(bag);

    assertEquals(List.of("bag-info.txt"), result.mismatched());
  }

  @Test
  void aManifestPathLeavingTheBagIsReportedNotFollowed() throws Exception {
    Files.writeString(
        bag.resolve("manifest-sha256.txt"),
        "0".repeat(64) + "  data/../../../etc/passwd\n",
        StandardOpenOption.APPEND);

    AuditResult result = auditor.audit(bag);

    assertFalse(result.ok());
    assertTrue(
        result.problems().stream().anyMatch(p -> p.contains("outside the bag")),
        result.problems().toString());
  }

  @Test
  void aMissingBagitTxtIsAProblem() throws Exception {
    Files.delete(bag.resolve("bagit.txt"));

    AuditResult result = auditor.audit(bag);

    assertTrue(result.problems().contains("bagit.txt is missing"), result.problems().toString());
    assertEquals(List.of("bagit.txt"), result.missing());
  }

  @Test
  void theWholeArchiveIsAuditedAndStagingAndStrayFilesAreSkipped() throws Exception {
    BagFixtures.writer(root)
        .write(
            777,
            Instant.parse("2024-12-31T23:59:59Z"),
            BagFixtures.payload(downloads, BagFixtures.contents()),
            BagFixtures.caseFileJson("Other"));
    Files.createDirectories(root.resolve(".staging/casefile-9-1/data"));
    Files.writeString(root.resolve(".health-1.tmp"), "");
    Files.createDirectories(root.resolve("2025/02/not-a-bag"));
    Files.delete(bag.resolve(pdf));

    List<AuditResult> results = auditor.auditAll(root);

    assertEquals(
        List.of(root.resolve("2024/12/casefile-777"), bag),
        results.stream().map(AuditResult::bagDir).toList());
    assertTrue(results.get(0).ok(), results.get(0).toString());
    assertFalse(results.get(1).ok());
  }
}
