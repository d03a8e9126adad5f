package org.penneoarchive.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfInspectorTest {

  private static TestPki root;
  private static TestPki.Issued seal;
  private static TrustAnchors trust;
  private static Path dir;
  private static Path unsigned;
  private static Path signed;

  private final PdfInspector inspector = new PdfInspector();

  @BeforeAll
  static void makePdfs(@TempDir Path tempDir) throws IOException {
    dir = tempDir;
    root = TestPki.root("Penneo Test Root");
    seal = root.issue("Penneo Test Seal");
    trust = TrustAnchors.of(List.of(root.certificate()));
    unsigned = TestPdfs.unsigned(dir.resolve("unsigned.pdf"), 3, TestPdfs.penneoAttachments());
    signed = TestPdfs.sign(unsigned, dir.resolve("signed.pdf"), seal, false);
  }

  @Test
  void aSealedPenneoPdfIsReadAndItsSealVerifies() throws Exception {
    PdfReport report = inspector.inspect(signed, trust);

    assertEquals(3, report.pages());
    assertEquals(
        List.of(TestPdfs.SIGNATURE_FOR, TestPdfs.SIGNED_DATA_FOR, "notes.txt"),
        report.attachments().stream().map(Attachment::name).sorted(this::penneoOrder).toList());
    Attachment signature =
        report.attachments().stream()
            .filter(a -> a.name().equals(TestPdfs.SIGNATURE_FOR))
            .findFirst()
            .orElseThrow();
    assertEquals(TestPdfs.xades("signature of Alice").length, signature.size());
    assertEquals("text/xml", signature.mimeType());

    assertEquals(1, report.seals().size());
    SealCheck check = report.seal();
    assertTrue(check.present());
    assertTrue(check.valid(), check.reason());
    assertEquals("valid", check.reason());
    assertTrue(check.signerSubject().contains("CN=Penneo Test Seal"), check.signerSubject());
    assertNotNull(check.signingTime());
    assertTrue(Duration.between(check.signingTime(), Instant.now()).abs().toMinutes() < 10);
    assertTrue(report.sealValid());
  }

  @Test
  void aSealWithAnIntermediateCaChainsToTheRoot() throws Exception {
    TestPki intermediate = root.intermediate("Penneo Test Issuing CA");
    Path pdf =
        TestPdfs.sign(
            unsigned, dir.resolve("intermediate.pdf"), intermediate.issue("Seal 2"), true);

    PdfReport report = inspector.inspect(pdf, trust);

    assertTrue(report.sealValid(), report.seal().reason());
  }

  @Test
  void aSecondSealOverTheFirstLeavesBothValid() throws Exception {
    Path twice = TestPdfs.sign(signed, dir.resolve("twice.pdf"), root.issue("Second Seal"), false);

    PdfReport report = inspector.inspect(twice, trust);

    assertEquals(2, report.seals().size());
    assertTrue(report.sealValid(), report.seals().toString());
    assertTrue(report.seal().signerSubject().contains("CN=Second Seal"), "the final seal");
  }

  @Test
  void oneByteChangedInsideTheSignedRangeInvalidatesTheSeal() throws Exception {
    Path tampered = copy(signed, "tampered.pdf");
    long at = TestPdfs.indexOf(tampered, "MARKER signature of Alice");
    assertTrue(at > 0, "the embedded XAdES file is stored uncompressed in the test PDF");
    try (FileChannel file = FileChannel.open(tampered, StandardOpenOption.WRITE)) {
      file.write(java.nio.ByteBuffer.wrap("W".getBytes(StandardCharsets.US_ASCII)), at);
    }

    PdfReport report = inspector.inspect(tampered, trust);

    assertFalse(report.sealValid());
    SealCheck check = report.seal();
    assertTrue(check.present());
    assertFalse(check.valid());
    assertTrue(check.reason().contains("changed after signing"), check.reason());
  }

  @Test
  void anIncrementalUpdateAfterSigningInvalidatesTheSeal() throws Exception {
    Path updated = TestPdfs.updateAfterSigning(signed, dir.resolve("updated.pdf"));
    assertTrue(Files.size(updated) > Files.size(signed));

    PdfReport report = inspector.inspect(updated, trust);

    assertFalse(report.sealValid());
    assertTrue(report.seal().reason().contains("incremental update"), report.seal().reason());
  }

  /**
   * The product inspects downloads: the seal's digest then comes from the download's checkpoints.
   * The verdicts must be those of hashing the file: valid, tampered, updated after signing, sealed
   * twice.
   */
  @Test
  void aDownloadedPdfGetsTheSameVerdictsFromItsCheckpoints() throws Exception {
    byte[] scan = new byte[3 * 1024 * 1024];
    new java.util.SplittableRandom(5).nextBytes(scan);
    List<TestPdfs.Embedded> attachments = new java.util.ArrayList<>(TestPdfs.penneoAttachments());
    attachments.add(TestPdfs.Embedded.of("scan.bin", "application/octet-stream", scan));
    Path large =
        TestPdfs.sign(
            TestPdfs.unsigned(dir.resolve("large-unsigned.pdf"), 2, attachments),
            dir.resolve("large-signed.pdf"),
            seal,
            false);
    Path tampered = copy(large, "large-tampered.pdf");
    long at = TestPdfs.indexOf(tampered, "MARKER signature of Alice");
    try (FileChannel file = FileChannel.open(tampered, StandardOpenOption.WRITE)) {
      file.write(java.nio.ByteBuffer.wrap("W".getBytes(StandardCharsets.US_ASCII)), at);
    }
    Path updated = TestPdfs.updateAfterSigning(large, dir.resolve("large-updated.pdf"));
    Path twice = TestPdfs.sign(large, dir.resolve("large-twice.pdf"), root.issue("Again"), false);

    for (Path pdf : List.of(large, tampered, updated, twice)) {
      DownloadedFile download;
      try (var in = Files.newInputStream(pdf)) {
        download =
            FixityStream.copyToTempFile(
                in, dir.resolve("downloads"), Long.MAX_VALUE, java.util.OptionalLong.empty());
      }
      assertTrue(download.checkpoints().size() >= 2, "checkpoints taken for " + pdf);
      PdfReport fromFile = inspector.inspect(pdf, trust);
      PdfReport fromDownload = inspector.inspect(download, trust);
      assertEquals(fromFile.seals(), fromDownload.seals(), pdf.toString());
    }
    assertTrue(inspector.inspect(large, trust).sealValid());
    assertTrue(
        inspector.inspect(tampered, trust).seal().reason().contains("changed after signing"));
    assertTrue(inspector.inspect(updated, trust).seal().reason().contains("incremental update"));
    assertTrue(inspector.inspect(twice, trust).sealValid());

    // The digest really comes from the checkpoints: they describe the bytes as downloaded (the
    // bytes the manifests describe), so a change on disk afterwards is the fixity audit's to find.
    DownloadedFile download;
    try (var in = Files.newInputStream(large)) {
      download =
          FixityStream.copyToTempFile(
              in, dir.resolve("downloads"), Long.MAX_VALUE, java.util.OptionalLong.empty());
    }
    try (FileChannel file = FileChannel.open(download.path(), StandardOpenOption.WRITE)) {
      file.write(java.nio.ByteBuffer.wrap("W".getBytes(StandardCharsets.US_ASCII)), at);
    }
    assertTrue(inspector.inspect(download, trust).sealValid());
    assertFalse(inspector.inspect(download.path(), trust).sealValid());
  }

  @Test
  void aSealFromAnotherCaIsNotTrusted() throws Exception {
    TrustAnchors otherCa = TrustAnchors.of(List.of(TestPki.root("Some Other CA").certificate()));

    SealCheck check = inspector.inspect(signed, otherCa).seal();

    assertTrue(check.present());
    assertFalse(check.valid());
    assertTrue(check.reason().startsWith("not trusted"), check.reason());
    assertTrue(check.signerSubject().contains("Penneo Test Seal"));
  }

  @Test
  void withoutTrustAnchorsNoSealIsTrusted() throws Exception {
    SealCheck check = inspector.inspect(signed, TrustAnchors.none()).seal();

    assertFalse(check.valid());
    assertEquals("not trusted: no trust anchors are configured", check.reason());
  }

  @Test
  void anUnsignedPdfHasNoSeal() throws Exception {
    PdfReport report = inspector.inspect(unsigned, trust);

    assertEquals(3, report.pages());
    assertTrue(report.seals().isEmpty());
    assertFalse(report.sealValid());
    assertFalse(report.seal().present());
    assertNull(report.seal().signerSubject());
  }

  @Test
  void aTruncatedDownloadIsRefused() throws Exception {
    byte[] whole = Files.readAllBytes(signed);
    Path truncated =
        Files.write(dir.resolve("truncated.pdf"), Arrays.copyOf(whole, whole.length * 2 / 3));

    InvalidPdfException e =
        assertThrows(InvalidPdfException.class, () -> inspector.inspect(truncated, trust));

    assertTrue(e.getMessage().startsWith("truncated"), e.getMessage());
  }

  @Test
  void aFileThatIsNotAPdfIsRefused() throws Exception {
    Path html =
        Files.writeString(dir.resolve("error.pdf"), "<html><body>502 Bad Gateway</body></html>");
    Path empty = Files.write(dir.resolve("empty.pdf"), new byte[0]);

    InvalidPdfException notPdf =
        assertThrows(InvalidPdfException.class, () -> inspector.inspect(html, trust));
    InvalidPdfException nothing =
        assertThrows(InvalidPdfException.class, () -> inspector.inspect(empty, trust));

    assertEquals("not a PDF: no %PDF- header in the first 1024 bytes", notPdf.getMessage());
    assertEquals("not a PDF: the file is empty", nothing.getMessage());
  }

  @Test
  void aPdfWhoseBodyIsGarbageDoesNotParse() throws Exception {
    Path garbage =
        Files.writeString(
            dir.resolve("garbage.pdf"),
            "%PDF-1.7\nthis is no PDF body at all\nstartxref\n12345\n%%EOF\n");

    InvalidPdfException e =
        assertThrows(InvalidPdfException.class, () -> inspector.inspect(garbage, trust));

    assertTrue(e.getMessage().startsWith("does not parse"), e.getMessage());
  }

  @Test
  void pageLimitIsEnforced() {
    PdfInspector strict =
        new PdfInspector(new PdfInspector.Limits(2, 1000, 10, 8, 4, 65536, 1024 * 1024));

    InvalidPdfException e =
        assertThrows(InvalidPdfException.class, () -> strict.inspect(signed, trust));

    assertEquals("has 3 pages, more than the limit of 2", e.getMessage());
  }

  @Test
  void xadesAttachmentsAreExtractedUnderSafeNamesWithTheirHashes() throws Exception {
    Path target = dir.resolve("xades-out");
    assertEquals(
        -1,
        TestPdfs.indexOf(signed, "MARKER signed data of Alice"),
        "the second XAdES file is Flate-compressed, so extraction must decode it");

    List<ExtractedAttachment> extracted =
        inspector.extractAttachments(signed, 42, target, PdfInspector::isXadesAttachment);

    assertEquals(
        List.of(
            "42-xades-Signature_for_Alice_Andersen.xml",
            "42-xades-Signed_data_for_Alice_Andersen.xml"),
        extracted.stream().map(ExtractedAttachment::fileName).toList());
    Map<String, byte[]> originals = TestPdfs.byName(TestPdfs.penneoAttachments());
    for (ExtractedAttachment attachment : extracted) {
      byte[] bytes = Files.readAllBytes(attachment.path());
      assertArrayEquals(originals.get(attachment.name()), bytes);
      assertEquals(target.resolve(attachment.fileName()), attachment.path());
      assertEquals(bytes.length, attachment.size());
      assertEquals(HexFormat.of().formatHex(TestPdfs.sha256(bytes)), attachment.sha256Hex());
    }
    try (Stream<Path> files = Files.list(target)) {
      assertEquals(2, files.count(), "notes.txt is not a XAdES file and stays inside the PDF");
    }
  }

  @Test
  void anAttachmentOverTheLimitIsRefusedAndNothingIsLeftBehind() {
    PdfInspector strict = new PdfInspector(new PdfInspector.Limits(100, 1000, 10, 8, 4, 65536, 16));
    Path target = dir.resolve("too-large-out");

    InvalidPdfException e =
        assertThrows(
            InvalidPdfException.class,
            () -> strict.extractAttachments(signed, 7, target, PdfInspector::isXadesAttachment));

    assertTrue(e.getMessage().contains("larger than the limit of 16 bytes"), e.getMessage());
    assertEquals(0, target.toFile().list().length);
  }

  @Test
  void xadesNamesAreRecognised() {
    assertTrue(PdfInspector.isXadesAttachment("Signature for Alice.xml"));
    assertTrue(PdfInspector.isXadesAttachment("signed data for Bob"));
    assertFalse(PdfInspector.isXadesAttachment("notes.txt"));
    assertFalse(PdfInspector.isXadesAttachment(null));
  }

  private int penneoOrder(String a, String b) {
    List<String> order = List.of(TestPdfs.SIGNATURE_FOR, TestPdfs.SIGNED_DATA_FOR, "notes.txt");
    return Integer.compare(order.indexOf(a), order.indexOf(b));
  }

  private static Path copy(Path source, String name) throws IOException {
    return Files.copy(source, dir.resolve(name));
  }
}
