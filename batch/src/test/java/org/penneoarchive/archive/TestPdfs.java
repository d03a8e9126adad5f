package org.penneoarchive.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Makes the PDFs the archive tests need, the way Penneo's look: pages of text, XAdES XML files
 * embedded as "Signature for …" (stored raw) and "Signed data for …" (Flate-compressed), and a
 * PAdES seal (detached CMS over the byte range, made with BouncyCastle, with the ESS
 * signing-certificate-v2 attribute and, as PAdES baseline wants, no CMS signing time).
 */
final class TestPdfs {

  static final String SIGNATURE_FOR = "Signature for Alice Andersen.xml";
  static final String SIGNED_DATA_FOR = "Signed data for Alice Andersen.xml";

  private TestPdfs() {}

  /** An embedded file to put into a test PDF, stored raw or Flate-compressed. */
  record Embedded(
      String name, String mimeType, long size, Supplier<InputStream> data, boolean flate) {
    static Embedded of(String name, String mimeType, byte[] bytes) {
      return new Embedded(
          name, mimeType, bytes.length, () -> new java.io.ByteArrayInputStream(bytes), false);
    }

    static Embedded compressed(String name, String mimeType, byte[] bytes) {
      return new Embedded(
          name, mimeType, bytes.length, () -> new java.io.ByteArrayInputStream(bytes), true);
    }
  }

  static byte[] xades(String what) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">"
            + "<ds:Object>MARKER "
            + what
            + "</ds:Object></ds:Signature>\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The two XAdES files of one signer and an unrelated text file. */
  static List<Embedded> penneoAttachments() {
    List<Embedded> files = new ArrayList<>();
    files.add(Embedded.of(SIGNATURE_FOR, "text/xml", xades("signature of Alice")));
    files.add(Embedded.compressed(SIGNED_DATA_FOR, "text/xml", xades("signed data of Alice")));
    files.add(
        Embedded.of("notes.txt", "text/plain", "not a signature".getBytes(StandardCharsets.UTF_8)));
    return files;
  }

  /** An unsigned PDF with numbered pages and embedded files, compressed with object streams. */
  static Path unsigned(Path out, int pages, List<Embedded> attachments) throws IOException {
    try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int i = 1; i <= pages; i++) {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(font, 12);
          content.newLineAtOffset(72, 720);
          content.showText("Contract, page " + i + " of " + pages);
          content.endText();
        }
      }
      Map<String, PDComplexFileSpecification> names = new TreeMap<>();
      for (Embedded attachment : attachments) {
        PDEmbeddedFile file;
        try (InputStream in = attachment.data().get()) {
          file =
              attachment.flate()
                  ? new PDEmbeddedFile(document, in, COSName.FLATE_DECODE)
                  : new PDEmbeddedFile(document, in);
        }
        file.setSubtype(attachment.mimeType());
        file.setSize((int) attachment.size());
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(attachment.name());
        spec.setFileUnicode(attachment.name());
        spec.setEmbeddedFile(file);
        spec.setEmbeddedFileUnicode(file);
        names.put(attachment.name(), spec);
      }
      if (!names.isEmpty()) {
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(names);
        PDDocumentNameDictionary dictionary =
            new PDDocumentNameDictionary(document.getDocumentCatalog());
        dictionary.setEmbeddedFiles(tree);
        document.getDocumentCatalog().setNames(dictionary);
      }
      document.getDocumentInformation().setTitle("Test contract");
      document.save(out.toFile());
    }
    return out;
  }

  /** Seals {@code in} into {@code out} with an incremental update, as Penneo does. */
  static Path sign(Path in, Path out, TestPki.Issued signer, boolean cmsSigningTime)
      throws IOException {
    try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(in));
        OutputStream target = Files.newOutputStream(out)) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      signature.setName("Penneo A/S");
      signature.setReason("Sealed after signing");
      signature.setSignDate(now());
      document.addSignature(signature, content -> cms(content, signer, cmsSigningTime));
      document.saveIncremental(target);
    }
    return out;
  }

  /** Appends a genuine incremental update (a new document title) after the seal. */
  static Path updateAfterSigning(Path signed, Path out) throws IOException {
    try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(signed));
        OutputStream target = Files.newOutputStream(out)) {
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle("Changed after signing");
      COSDictionary dictionary = info.getCOSObject();
      document.saveIncremental(target, Set.of(dictionary));
    }
    return out;
  }

  /** {@code size} pseudo-random bytes: incompressible, reproducible, never all in memory. */
  static InputStream randomBytes(long size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return new InputStream() {
      private long left = size;

      @Override
      public int read() {
        if (left <= 0) {
          return -1;
        }
        left--;
        return random.nextInt(256);
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(length, left);
        for (int i = 0; i < n; i++) {
          buffer[offset + i] = (byte) random.nextInt(256);
        }
        left -= n;
        return n;
      }
    };
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] cms(InputStream content, TestPki.Issued signer, boolean cmsSigningTime)
      throws IOException {
    try {
      X509Certificate certificate = signer.certificate();
      List<X509Certificate> chain = new ArrayList<>();
      chain.add(certificate);
      chain.addAll(signer.issuer().chainBelowRoot());

      ASN1EncodableVector attributes = new ASN1EncodableVector();
      attributes.add(
          new Attribute(
              PKCSObjectIdentifiers.id_aa_signingCertificateV2,
              new DERSet(
                  new SigningCertificateV2(
                      new ESSCertIDv2[] {new ESSCertIDv2(sha256(certificate.getEncoded()))}))));
      DefaultSignedAttributeTableGenerator defaults =
          new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes));
      JcaSignerInfoGeneratorBuilder signerInfo =
          new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
              .setSignedAttributeGenerator(
                  parameters -> {
                    AttributeTable table = defaults.getAttributes(parameters);
                    return cmsSigningTime ? table : table.remove(CMSAttributes.signingTime);
                  });
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          signerInfo.build(
              new JcaContentSignerBuilder("SHA256withECDSA").build(signer.key()), certificate));
      generator.addCertificates(new JcaCertStore(chain));
      return generator.generate(new StreamedContent(content), false).getEncoded();
    } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
      throw new IOException("Test signing failed: " + e, e);
    }
  }

  /** The bytes to sign, streamed once into the digest. */
  private record StreamedContent(InputStream in) implements CMSTypedData {
    @Override
    public ASN1ObjectIdentifier getContentType() {
      return CMSObjectIdentifiers.data;
    }

    @Override
    public void write(OutputStream out) throws IOException {
      in.transferTo(out);
    }

    @Override
    public Object getContent() {
      return in;
    }
  }

  /** Where {@code marker} first occurs in the file, or -1; reads the file whole (small files). */
  static long indexOf(Path file, String marker) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    byte[] needle = marker.getBytes(StandardCharsets.ISO_8859_1);
    outer:
    for (int i = 0; i <= bytes.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static Map<String, byte[]> byName(List<Embedded> attachments) throws IOException {
    Map<String, byte[]> map = new LinkedHashMap<>();
    for (Embedded attachment : attachments) {
      try (InputStream in = attachment.data().get()) {
        map.put(attachment.name(), in.readAllBytes());
      }
    }
    return map;
  }

  static Calendar now() {
    return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
  }
}
