package org.penneosandbox.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

/**
 * Builds a signed PDF the way Penneo's look, on disk, without ever holding the whole file in
 * memory:
 *
 * <ol>
 *   <li>the document: a cover page, numbered clause pages (more for bigger targets), the uploaded
 *       original's pages if there is one, and a signature page; per signer two embedded XML files,
 *       "Signed data for NAME" and "Signature for NAME";
 *   <li>to reach the target size, one uncompressed padding stream under the catalog's private key
 *       {@code /PenneoSandboxPadding} (readers ignore it; it is written through PDFBox's temp-file
 *       stream cache, never in memory);
 *   <li>the seal: the saved file is reloaded and signed as an incremental update with a detached
 *       CAdES CMS ({@code ETSI.CAdES.detached}) over the byte range, streamed through the digest.
 * </ol>
 *
 * Sizes are targets: a document cannot be smaller than its pages, attachments and seal (about 15
 * KB); above that the result lands within about a hundred bytes of the target.
 */
public final class SignedPdfFactory {

  /**
   * Bytes reserved for the CMS in /Contents: the CMS (RSA 2048, two certificates) is about 2.5 KB.
   */
  static final int SIGNATURE_RESERVE = 4096;

  /** The incremental update: signature dictionary (hex /Contents), field, AcroForm, xref. */
  private static final long INCREMENT_OVERHEAD = 2L * SIGNATURE_RESERVE + 1_200;

  private static final long PADDING_OBJECT_OVERHEAD = 120;
  private static final int MAX_CLAUSE_PAGES = 40;
  private static final int MAX_IMPORTED_PAGES = 500;
  private static final COSName PADDING_KEY = COSName.getPDFName("PenneoSandboxPadding");

  private final TestCa ca;

  public SignedPdfFactory(TestCa ca) {
    this.ca = ca;
  }

  public BuiltPdf build(PdfSpec spec, Path target) {
    Path unsigned = target.resolveSibling(target.getFileName() + ".unsigned");
    Path partial = target.resolveSibling(target.getFileName() + ".part");
    try {
      Files.createDirectories(target.getParent());
      long withoutPadding = measure(spec);
      long padding =
          spec.targetBytes()
              - withoutPadding
              - INCREMENT_OVERHEAD
              - PADDING_OBJECT_OVERHEAD
              - digits(spec.targetBytes());
      int pages = writeUnsigned(spec, Math.max(0, padding), unsigned);
      long originalLength = Files.size(unsigned);
      seal(spec, unsigned, partial);
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new BuiltPdf(target, Files.size(target), originalLength, pages);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the PDF of document " + spec.documentId(), e);
    } finally {
      deleteQuietly(unsigned);
      deleteQuietly(partial);
    }
  }

  private long measure(PdfSpec spec) throws IOException {
    CountingOutputStream counter = new CountingOutputStream();
    try (Source source = Source.open(spec.sourcePdf());
        PDDocument doc = compose(spec, source, 0)) {
      doc.save(counter);
    }
    return counter.count;
  }

  private int writeUnsigned(PdfSpec spec, long padding, Path file) throws IOException {
    try (Source source = Source.open(spec.sourcePdf());
        PDDocument doc = compose(spec, source, padding);
        OutputStream out = Files.newOutputStream(file)) {
      doc.save(out);
      return doc.getNumberOfPages();
    }
  }

  private void seal(PdfSpec spec, Path unsigned, Path out) throws IOException {
    try (PDDocument doc =
            Loader.loadPDF(unsigned.toFile(), IOUtils.createTempFileOnlyStreamCache());
        SignatureOptions options = new SignatureOptions();
        OutputStream output = Files.newOutputStream(out)) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      signature.setName("Penneo Sandbox Seal");
      signature.setLocation("penneo-sandbox");
      signature.setReason("Sealed on completion of case file " + spec.caseFileId());
      signature.setSignDate(calendar(spec));
      options.setPreferredSignatureSize(SIGNATURE_RESERVE);
      doc.addSignature(signature, options);
      ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(output);
      external.setSignature(ca.signCmsDetached(external.getContent()));
    }
  }

  private static Calendar calendar(PdfSpec spec) {
    Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    c.setTimeInMillis(spec.signedAt().toEpochMilli());
    return c;
  }

  private PDDocument compose(PdfSpec spec, Source source, long padding) throws IOException {
    PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
    try {
      Fonts fonts = new Fonts();
      addCover(doc, fonts, spec);
      if (source.doc != null) {
        int n = Math.min(source.doc.getNumberOfPages(), MAX_IMPORTED_PAGES);
        for (int i = 0; i < n; i++) {
          doc.importPage(source.doc.getPage(i));
        }
      } else {
        int clauses = 1 + (int) Math.min(MAX_CLAUSE_PAGES - 1, spec.targetBytes() / 200_000);
        for (int i = 1; i <= clauses; i++) {
          addClausePage(doc, fonts, spec, i);
        }
      }
      addSignaturePage(doc, fonts, spec);
      addAttachments(doc, spec);
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(spec.title());
      info.setSubject("Case file " + spec.caseFileId() + ": " + spec.caseFileTitle());
      info.setProducer("Penneo sandbox (penneo-archive)");
      info.setCreationDate(calendar(spec));
      if (padding > 0) {
        addPadding(doc, spec, padding);
      }
      return doc;
    } catch (IOException | RuntimeException e) {
      doc.close();
      throw e;
    }
  }

  private void addCover(PDDocument doc, Fonts fonts, PdfSpec spec) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("Case file " + spec.caseFileId() + ": " + spec.caseFileTitle());
    lines.add("Document " + spec.documentId());
    lines.add("");
    lines.add("Signers:");
    for (PdfSpec.SignerRef s : spec.signers()) {
      lines.add("  " + s.name() + " (signer " + s.id() + ")");
    }
    lines.add("");
    lines.add("Made by the Penneo sandbox of penneo-archive for tests and demos.");
    writePage(doc, fonts, spec.title(), lines);
  }

  private void addClausePage(PDDocument doc, Fonts fonts, PdfSpec spec, int n) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int p = 1; p <= 6; p++) {
      lines.add(n + "." + p + " The parties agree that document " + spec.documentId());
      lines.add("    is part of case file " + spec.caseFileId() + " and binds them as written,");
      lines.add("    each clause being severable from the others, clause " + n + "." + p + ".");
      lines.add("");
    }
    writePage(doc, fonts, "Clause " + n, lines);
  }

  private void addSignaturePage(PDDocument doc, Fonts fonts, PdfSpec spec) throws IOException {
    List<String> lines = new ArrayList<>();
    for (PdfSpec.SignerRef s : spec.signers()) {
      lines.add("Signed by " + s.name() + " at " + spec.signedAt());
      lines.add("  see the attachments \"Signature for " + s.name() + "\" and");
      lines.add("  \"Signed data for " + s.name() + "\"");
      lines.add("");
    }
    lines.add("The document is sealed with the Penneo Sandbox Seal (PAdES).");
    writePage(doc, fonts, "Signatures", lines);
  }

  private void writePage(PDDocument doc, Fonts fonts, String heading, List<String> lines)
      throws IOException {
    PDPage page = new PDPage(PDRectangle.A4);
    doc.addPage(page);
    try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
      cs.beginText();
      cs.setFont(fonts.bold, 16);
      cs.newLineAtOffset(56, 780);
      cs.showText(fonts.encodable(fonts.bold, cut(heading, 60)));
      cs.setFont(fonts.regular, 11);
      cs.setLeading(15);
      cs.newLine();
      cs.newLine();
      for (String line : lines.subList(0, Math.min(lines.size(), 44))) {
        cs.showText(fonts.encodable(fonts.regular, cut(line, 95)));
        cs.newLine();
      }
      cs.endText();
    }
  }

  private void addAttachments(PDDocument doc, PdfSpec spec) throws IOException {
    Map<String, PDComplexFileSpecification> files = new LinkedHashMap<>();
    for (PdfSpec.SignerRef signer : spec.signers()) {
      byte[] signedData = XmlSignatures.signedData(spec, signer);
      byte[] signature = XmlSignatures.signature(ca, signer, signedData, spec.signedAt());
      String name = uniqueName(files, signer.name());
      files.put("Signed data for " + name, attachment(doc, "Signed data for " + name, signedData));
      files.put("Signature for " + name, attachment(doc, "Signature for " + name, signature));
    }
    PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
    tree.setNames(files);
    PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
    names.setEmbeddedFiles(tree);
    doc.getDocumentCatalog().setNames(names);
  }

  /** Two signers with one name still get two pairs of attachments. */
  private static String uniqueName(Map<String, ?> files, String name) {
    String candidate = name;
    for (int i = 2; files.containsKey("Signature for " + candidate); i++) {
      candidate = name + " (" + i + ")";
    }
    return candidate;
  }

  private static PDComplexFileSpecification attachment(PDDocument doc, String name, byte[] xml)
      throws IOException {
    PDEmbeddedFile file = new PDEmbeddedFile(doc, new ByteArrayInputStream(xml));
    file.setSubtype("text/xml");
    file.setSize(xml.length);
    file.setCreationDate(new GregorianCalendar(TimeZone.getTimeZone("UTC")));
    PDComplexFileSpecification fs = new PDComplexFileSpecification();
    fs.setFile(name);
    fs.setFileUnicode(name);
    fs.setEmbeddedFile(file);
    fs.setEmbeddedFileUnicode(file);
    fs.setFileDescription(name);
    return fs;
  }

  private static void addPadding(PDDocument doc, PdfSpec spec, long bytes) throws IOException {
    COSStream stream = doc.getDocument().createCOSStream();
    byte[] line =
        ("% penneo-sandbox padding: case file "
                + spec.caseFileId()
                + ", document "
                + spec.documentId()
                + " ..........................................\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] block = new byte[64 * 1024];
    for (int i = 0; i < block.length; i++) {
      block[i] = line[i % line.length];
    }
    try (OutputStream out = stream.createRawOutputStream()) {
      long left = bytes;
      while (left > 0) {
        int n = (int) Math.min(block.length, left);
        out.write(block, 0, n);
        left -= n;
      }
    }
    doc.getDocumentCatalog().getCOSObject().setItem(PADDING_KEY, stream);
  }

  private static int digits(long n) {
    return Long.toString(n).length();
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // A leftover temp file is harmless; the next reset removes the folder.
    }
  }

  /** The standard fonts, and a guard: WinAnsi cannot show every character a title may hold. */
  private static final class Fonts {
    final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    String encodable(PDType1Font font, String text) {
      StringBuilder b = new StringBuilder(text.length());
      text.codePoints()
          .forEach(
              cp -> {
                String ch = new String(Character.toChars(cp));
                try {
                  font.encode(ch);
                  b.append(ch);
                } catch (IOException | IllegalArgumentException e) {
                  b.append('?');
                }
              });
      return b.toString();
    }
  }

  /** The uploaded original, open while its pages are copied into the signed document. */
  private static final class Source implements AutoCloseable {
    final PDDocument doc;

    private Source(PDDocument doc) {
      this.doc = doc;
    }

    static Source open(Path file) throws IOException {
      return new Source(
          file == null
              ? null
              : Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache()));
    }

    @Override
    public void close() throws IOException {
      if (doc != null) {
        doc.close();
      }
    }
  }

  private static final class CountingOutputStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
