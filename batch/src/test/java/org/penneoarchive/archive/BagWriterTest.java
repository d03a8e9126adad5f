package org.penneoarchive.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BagWriterTest {

  @TempDir Path root;
  @TempDir Path downloads;

  @Test
  void aBagPassesTheIndependentVerifierAndHoldsThePdfsByteForByte() throws Exception {
    Map<String, byte[]> contents = BagFixtures.contents();
    List<BagEntry> payload = BagFixtures.payload(downloads, contents);

    BagResult result =
        BagFixtures.writer(root)
            .write(531, BagFixtures.COMPLETED, payload, BagFixtures.caseFileJson("Hiring"));

    assertEquals(BagResult.Status.WRITTEN, result.status());
    assertEquals(root.resolve("2025/02/casefile-531"), result.bagDir());
    assertEquals(4, result.payloadFiles());
    assertVerifiedByLibraryOfCongress(result.bagDir());
    for (Map.Entry<String, byte[]> entry : contents.entrySet()) {
      assertArrayEquals(entry.getValue(), Files.readAllBytes(result.payloadFile(entry.getKey())));
    }
    assertArrayEquals(
        BagFixtures.caseFileJson("Hiring"),
        Files.readAllBytes(result.payloadFile(ArchiveFileNames.CASE_FILE_JSON)));
    assertEquals(
        "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n",
        Files.readString(result.bagDir().resolve("bagit.txt")));
    String info = Files.readString(result.bagDir().resolve("bag-info.txt"));
    long bytes =
        contents.values().stream().mapToLong(b -> b.length).sum()
            + BagFixtures.caseFileJson("Hiring").length;
    assertTrue(info.contains("Source-Organization: Example Municipality\n"), info);
    assertTrue(info.contains("External-Identifier: penneo-casefile-531\n"), info);
    assertTrue(info.contains("Bagging-Date: 2025-02-19\n"), info);
    assertTrue(info.contains("Payload-Oxum: " + bytes + ".4\n"), info);
    assertTrue(info.contains("Bag-Software-Agent: penneo-archive test\n"), info);
    assertEquals(bytes, result.payloadBytes());
    for (String name :
        List.of("manifest-sha256.txt", "manifest-sha512.txt", "tagmanifest-sha256.txt")) {
      assertTrue(Files.isRegularFile(result.bagDir().resolve(name)), name);
    }
    assertStagingEmpty();
  }

  @Test
  void theManifestsCarryTheHashesFromTheDownload() throws Exception {
    List<BagEntry> payload = BagFixtures.payload(downloads, BagFixtures.contents());

    BagResult result =
        BagFixtures.writer(root).write(531, BagFixtures.COMPLETED, payload, new byte[] {'{', '}'});

    String sha256 = Files.readString(result.bagDir().resolve("manifest-sha256.txt"));
    String sha512 = Files.readString(result.bagDir().resolve("manifest-sha512.txt"));
    for (BagEntry entry : payload) {
      assertTrue(sha256.contains(entry.sha256Hex() + "  data/" + entry.fileName() + "\n"));
      assertTrue(sha512.contains(entry.sha512Hex() + "  data/" + entry.fileName() + "\n"));
    }
  }

  @Test
  void writingTheSameCaseFileAgainChangesNothing() throws Exception {
    BagWriter writer = BagFixtures.writer(root);
    Map<String, byte[]> contents = BagFixtures.contents();
    BagResult first =
        writer.write(
            531,
            BagFixtures.COMPLETED,
            BagFixtures.payload(downloads, contents),
            BagFixtures.caseFileJson("Hiring"));
    Map<String, String> before = BagFixtures.snapshot(root);

    BagResult again =
        writer.write(
            531,
            BagFixtures.COMPLETED.plusSeconds(60),
            BagFixtures.payload(downloads, contents),
            BagFixtures.caseFileJson("Hiring"));

    assertTrue(again.alreadyPresent());
    assertEquals(first.bagDir(), again.bagDir());
    assertEquals(first.payloadBytes(), again.payloadBytes());
    assertEquals(before, BagFixtures.snapshot(root));
  }

  @Test
  void aDifferentPdfForTheSameCaseFileIsAConflictAndTheBagIsUntouched() throws Exception {
    BagWriter writer = BagFixtures.writer(root);
    Map<String, byte[]> contents = BagFixtures.contents();
    writer.write(
        531,
        BagFixtures.COMPLETED,
        BagFixtures.payload(downloads, contents),
        BagFixtures.caseFileJson("Hiring"));
    Map<String, String> before = BagFixtures.snapshot(root);
    String firstPdf = contents.keySet().iterator().next();
    contents.put(firstPdf, BagFixtures.pdfBytes("changed", 300_000));
    List<BagEntry> changed = BagFixtures.payload(downloads, contents);

    BagConflictException e =
        assertThrows(
            BagConflictException.class,
            () ->
                writer.write(
                    531, BagFixtures.COMPLETED, changed, BagFixtures.caseFileJson("Hiring")));

    assertTrue(
        e.getMessage().contains("data/" + firstPdf + " has a different SHA-256"), e.getMessage());
    assertEquals(root.resolve("2025/02/casefile-531"), e.bagDir());
    assertEquals(before, BagFixtures.snapshot(root));
  }

  @Test
  void anotherCaseFileJsonOrAMissingFileIsAConflictToo() throws Exception {
    BagWriter writer = BagFixtures.writer(root);
    Map<String, byte[]> contents = BagFixtures.contents();
    writer.write(
        531,
        BagFixtures.COMPLETED,
        BagFixtures.payload(downloads, contents),
        BagFixtures.caseFileJson("Hiring"));
    Map<String, String> before = BagFixtures.snapshot(root);

    assertThrows(
        BagConflictException.class,
        () ->
            writer.write(
                531,
                BagFixtures.COMPLETED,
                BagFixtures.payload(downloads, contents),
                BagFixtures.caseFileJson("Hiring (renamed)")));
    contents.remove(contents.keySet().iterator().next());
    BagConflictException fewer =
        assertThrows(
            BagConflictException.class,
            () ->
                writer.write(
                    531,
                    BagFixtures.COMPLETED,
                    BagFixtures.payload(downloads, contents),
                    BagFixtures.caseFileJson("Hiring")));

    assertTrue(fewer.getMessage().contains("is only in the existing bag"), fewer.getMessage());
    assertEquals(before, BagFixtures.snapshot(root));
  }

  @Test
  void aFailedWriteLeavesNothingInTheArchiveAndTheSourcesInPlace() throws Exception {
    List<BagEntry> payload =
        new ArrayList<>(BagFixtures.payload(downloads, BagFixtures.contents()));
    BagEntry good = payload.get(0);
    payload.set(
        0,
        new BagEntry(
            good.fileName(), good.source(), good.size() + 1, good.sha256Hex(), good.sha512Hex()));

    IOException e =
        assertThrows(
            IOException.class,
            () ->
                BagFixtures.writer(root)
                    .write(531, BagFixtures.COMPLETED, payload, BagFixtures.caseFileJson("x")));

    assertTrue(e.getMessage().contains("not the"), e.getMessage());
    assertFalse(Files.exists(root.resolve("2025/02/casefile-531")));
    assertStagingEmpty();
    for (BagEntry entry : payload) {
      assertTrue(Files.isRegularFile(entry.source()), "the caller's file is still there");
    }
  }

  @Test
  void stagingLeftoversOfACrashAreCleaned() throws Exception {
    Path staging = Files.createDirectories(root.resolve(BagWriter.STAGING));
    Path crashed = Files.createDirectories(staging.resolve("casefile-531-123/data"));
    Files.writeString(crashed.resolve("1001-half.pdf"), "%PDF-1.7 half");
    Path old = Files.createDirectories(staging.resolve("casefile-532-456"));
    Files.setLastModifiedTime(
        old, FileTime.from(BagFixtures.CLOCK.instant().minus(Duration.ofHours(2))));
    Files.setLastModifiedTime(
        crashed.getParent(), FileTime.from(BagFixtures.CLOCK.instant().plusSeconds(1)));
    BagWriter writer = BagFixtures.writer(root);

    assertEquals(1, writer.cleanStaging(Duration.ofHours(1)), "only the old leftover");
    assertEquals(1, writer.cleanStaging());

    try (Stream<Path> left = Files.list(staging)) {
      assertEquals(0, left.count());
    }
    assertEquals(0, BagFixtures.writer(root.resolve("never-used")).cleanStaging());
  }

  @Test
  void twoWritersRacingForTheSameBagEndWithOneBag() throws Exception {
    Map<String, byte[]> contents = BagFixtures.contents();
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<BagResult>> results = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        List<BagEntry> payload = BagFixtures.payload(downloads, contents);
        Callable<BagResult> write =
            () -> {
              start.await();
              return BagFixtures.writer(root)
                  .write(531, BagFixtures.COMPLETED, payload, BagFixtures.caseFileJson("Hiring"));
            };
        results.add(pool.submit(write));
      }
      Set<BagResult.Status> statuses =
          Set.of(results.get(0).get().status(), results.get(1).get().status());

      assertEquals(Set.of(BagResult.Status.WRITTEN, BagResult.Status.ALREADY_PRESENT), statuses);
    } finally {
      pool.shutdownNow();
    }
    assertVerifiedByLibraryOfCongress(root.resolve("2025/02/casefile-531"));
    assertStagingEmpty();
  }

  @Test
  void payloadFilesGetTheArchivePermissionsNotThoseOfTemporaryFiles() throws Exception {
    List<BagEntry> payload = BagFixtures.payload(downloads, BagFixtures.contents());
    assumeTrue(Files.getFileStore(root).supportsFileAttributeView("posix"));

    BagResult result =
        BagFixtures.writer(root).write(531, BagFixtures.COMPLETED, payload, new byte[] {'{', '}'});

    var tagPermissions = Files.getPosixFilePermissions(result.bagDir().resolve("bagit.txt"));
    for (BagEntry entry : payload) {
      assertEquals(
          tagPermissions, Files.getPosixFilePermissions(result.payloadFile(entry.fileName())));
    }
  }

  @Test
  void acrossFileSystemsPayloadIsCopiedAndCheckedAgainstItsHashes() throws Exception {
    Path shm = Path.of("/dev/shm");
    assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "needs a second file system");
    FileStore rootStore = Files.getFileStore(root);
    assumeTrue(!Files.getFileStore(shm).equals(rootStore), "needs a second file system");
    Path otherFs = Files.createTempDirectory(shm, "bagwriter-test-");
    try {
      Map<String, byte[]> contents = BagFixtures.contents();
      List<BagEntry> payload = BagFixtures.payload(otherFs, contents);

      BagResult result =
          BagFixtures.writer(root)
              .write(531, BagFixtures.COMPLETED, payload, new byte[] {'{', '}'});

      assertVerifiedByLibraryOfCongress(result.bagDir());
      for (Map.Entry<String, byte[]> entry : contents.entrySet()) {
        assertArrayEquals(entry.getValue(), Files.readAllBytes(result.payloadFile(entry.getKey())));
      }

      // A source that changed after it was hashed is not archived.
      BagEntry entry = BagFixtures.payload(otherFs, contents).get(0);
      Files.write(entry.source(), BagFixtures.pdfBytes("other", (int) entry.size()));
      IOException e =
          assertThrows(
              IOException.class,
              () ->
                  BagFixtures.writer(root)
                      .write(532, BagFixtures.COMPLETED, List.of(entry), new byte[] {'{', '}'}));
      assertTrue(e.getMessage().contains("changed since it was hashed"), e.getMessage());
      assertFalse(Files.exists(root.resolve("2025/02/casefile-532")));
    } finally {
      BagWriter.deleteTree(otherFs);
    }
  }

  @Test
  void unsafeOrDuplicateNamesAreRefused() throws Exception {
    DownloadedFile file = BagFixtures.download(downloads, "x".getBytes(StandardCharsets.US_ASCII));

    for (String bad : List.of("../x.pdf", "a/b.pdf", ".hidden", "", "casefile.json", "a\nb")) {
      assertThrows(IllegalArgumentException.class, () -> BagEntry.of(bad, file), bad);
    }
    List<BagEntry> twice = List.of(BagEntry.of("1-a.pdf", file), BagEntry.of("1-A.pdf", file));
    assertThrows(
        IllegalArgumentException.class,
        () -> BagFixtures.writer(root).write(1, Instant.EPOCH, twice, new byte[0]));
  }

  private void assertStagingEmpty() throws IOException {
    Path staging = root.resolve(BagWriter.STAGING);
    if (Files.exists(staging)) {
      try (Stream<Path> left = Files.list(staging)) {
        assertEquals(List.of(), left.map(Path::toString).collect(Collectors.toList()));
      }
    }
  }

  static void assertVerifiedByLibraryOfCongress(Path bagDir) throws Exception {
    Bag bag = new BagReader().read(bagDir);
    try (BagVerifier verifier = new BagVerifier()) {
      verifier.isValid(bag, false);
    }
    assertEquals("1.0", bag.getVersion().toString());
  }
}
