package org.penneosandbox.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignedPdfFactoryTest {

  @TempDir static Path dir;
  static TestCa ca;
  static SignedPdfFactory factory;

  @BeforeAll
  static void ca() {
    ca = TestCa.loadOrCreate(dir.resolve("ca"));
    factory = new SignedPdfFactory(ca);
  }

  private static PdfSpec spec(long docId, long target, Path source, String... names) {
    List<PdfSpec.SignerRef> signers =
        Arrays.stream(names)
            .map(n -> new PdfSpec.SignerRef(n.length() * 1000L + docId, n))
            .toList();
    return new PdfSpec(
        500,
        "Lease of flat 3 — Østerbro",
        docId,
        "Lease contract",
        signers,
        target,
        source,
        Instant.parse("2025-02-19T13:01:55.517791Z"));
  }

  @Test
  void smallDocumentCarriesAttachmentsAndAValidSeal() throws Exception {
    BuiltPdf pdf =
        factory.build(spec(501, 20_000, null, "Ann Hansen", "Bo Ølgaard"), dir.resolve("a.pdf"));
    assertEquals(Files.size(pdf.file()), pdf.size());
    try (PDDocument doc = Loader.loadPDF(pdf.file().toFile())) {
      assertTrue(doc.getNumberOfPages() >= 3, "cover, clauses, signature page");
      assertEquals(pdf.pages(), doc.getNumberOfPages());
      Map<String, PDComplexFileSpecification> files =
          doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
      assertEquals(
          List.of(
              "Signature for Ann Hansen",
              "Signature for Bo Ølgaard",
              "Signed data for Ann Hansen",
              "Signed data for Bo Ølgaard"),
          files.keySet().stream().sorted().toList());
      String xml =
          new String(
              files.get("Signature for Bo Ølgaard").getEmbeddedFile().toByteArray(),
              StandardCharsets.UTF_8);
      assertTrue(xml.contains("<ds:SignatureValue>"), xml);
      assertTrue(xml.contains("Bo Ølgaard"), xml);
      List<PDSignature> sigs = doc.getSignatureDictionaries();
      assertEquals(1, sigs.size());
      assertEquals(PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName(), sigs.get(0).getSubFilter());
      verifyCms(sigs.get(0), pdf.file());
    }
  }

  @Test
  void documentGrowsToItsTargetSizeAndKeepsTheOriginalAsPrefix() throws Exception {
    long target = 3_000_000;
    BuiltPdf pdf = factory.build(spec(502, target, null, "Carl"), dir.resolve("b.pdf"));
    assertTrue(Math.abs(pdf.size() - target) < 2_000, "size " + pdf.size() + " near " + target);
    assertTrue(pdf.originalLength() < pdf.size());
    try (PDDocument doc = Loader.loadPDF(pdf.file().toFile())) {
      assertTrue(doc.getNumberOfPages() > 10, "bigger documents have more pages");
      verifyCms(doc.getSignatureDictionaries().get(0), pdf.file());
    }
    // The unsigned original is a complete PDF of its own.
    byte[] original = Arrays.copyOf(Files.readAllBytes(pdf.file()), (int) pdf.originalLength());
    try (PDDocument doc = Loader.loadPDF(original)) {
      assertTrue(doc.getSignatureDictionaries().isEmpty());
    }
  }

  @Test
  void uploadedOriginalKeepsItsPages() throws Exception {
    Path source = dir.resolve("upload.pdf");
    try (PDDocument doc = new PDDocument()) {
      for (int i = 0; i < 2; i++) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(new PDType1Font(Standard14Fonts.FontName.COURIER), 12);
          cs.newLineAtOffset(50, 700);
          cs.showText("Uploaded page " + i);
          cs.endText();
        }
      }
      doc.save(source.toFile());
    }
    BuiltPdf pdf = factory.build(spec(503, 1000, source, "Dora"), dir.resolve("c.pdf"));
    try (PDDocument doc = Loader.loadPDF(pdf.file().toFile())) {
      assertEquals(4, doc.getNumberOfPages(), "cover + 2 uploaded + signatures");
      verifyCms(doc.getSignatureDictionaries().get(0), pdf.file());
    }
  }

  @Test
  void popplerReportsTheSealValid() throws Exception {
    Path pdfsig = Path.of("/usr/bin/pdfsig");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(pdfsig), "poppler-utils");
    BuiltPdf pdf = factory.build(spec(504, 50_000, null, "Eva"), dir.resolve("d.pdf"));
    Process p =
        new ProcessBuilder(pdfsig.toString(), pdf.file().toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertTrue(out.contains("Signature Validation: Signature is Valid."), out);
  }

  @Test
  void theCaIsKeptAcrossRestarts() {
    TestCa again = TestCa.loadOrCreate(dir.resolve("ca"));
    assertEquals(ca.caCertificate(), again.caCertificate());
    assertTrue(again.caPem().startsWith("-----BEGIN CERTIFICATE-----\n"));
  }

  static void verifyCms(PDSignature sig, Path file) throws Exception {
    byte[] signedContent;
    try (InputStream in = Files.newInputStream(file)) {
      signedContent = sig.getSignedContent(in);
    }
    int[] range = sig.getByteRange();
    assertEquals(0, range[0]);
    assertEquals(Files.size(file), (long) range[2] + range[3], "byte range covers the whole file");
    CMSSignedData cms =
        new CMSSignedData(
            new CMSProcessableByteArray(signedContent),
            // /Contents is zero-padded to its reserved size: read one DER object, ignore the rest.
            new java.io.ByteArrayInputStream(sig.getContents()));
    Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
    assertEquals(1, signers.size());
    SignerInformation signer = signers.iterator().next();
    @SuppressWarnings("unchecked")
    Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
    X509Certificate cert =
        new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
    assertTrue(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert)));
    cert.verify(ca.caCertificate().getPublicKey());
    assertNotNull(
        signer
            .getSignedAttributes()
            .get(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_aa_signingCertificateV2));
    assertArrayEquals(ca.sealCertificate().getEncoded(), cert.getEncoded());
  }

  static byte[] readAll(Path p) throws IOException {
    return Files.readAllBytes(p);
  }
}
