package org.penneoarchive.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;

/**
 * Checks a downloaded PDF before it is archived: it parses, how many pages it has, which files are
 * embedded (Penneo embeds each signer's XAdES signature as "Signature for …" and "Signed data for
 * …"), and whether its PAdES seal is valid ({@link SealVerifier}).
 *
 * <p>Memory stays bounded whatever the file size: PDFBox reads the file through {@link
 * RandomAccessReadBufferedFile} (a page cache of at most about 4 MB, not the whole file) with a
 * temp-file-only stream cache, and parses objects lazily, so page content and embedded data are not
 * read unless asked for; the seal is verified by streaming its byte ranges from the file;
 * attachments are extracted by streaming them to files. What still grows is PDFBox's
 * cross-reference table (about a hundred bytes per object: with many objects, not with large ones),
 * which is why {@link Limits} caps the object count, the pages, the name tree and the signatures.
 * Measured: a 200 MB sealed PDF goes through inspection, extraction, bagging and audit in a 20 MB
 * heap, as a 1 MB one does ({@code BoundedMemoryTest} runs 50 MB in 24 MB). The file is never
 * changed.
 *
 * <p>Errors are sorted for the job: a PDF that cannot be archived is an {@link InvalidPdfException}
 * (quarantine); a failure of the disk is an {@link IOException} (retry).
 */
public final class PdfInspector {

  /**
   * Bounds on what is parsed, so that a hostile or broken file is refused with a reason instead of
   * exhausting the server.
   *
   * @param maxPages more pages than this is refused
   * @param maxObjects more objects in the cross-reference table than this is refused
   * @param maxAttachments more embedded files than this is refused
   * @param maxNameTreeDepth a deeper {@code EmbeddedFiles} name tree is refused (also stops loops)
   * @param maxSignatures more signature fields than this is refused
   * @param maxSignatureBytes a larger CMS signature is reported invalid
   * @param maxAttachmentBytes a larger extracted file is refused
   */
  public record Limits(
      int maxPages,
      int maxObjects,
      int maxAttachments,
      int maxNameTreeDepth,
      int maxSignatures,
      int maxSignatureBytes,
      long maxAttachmentBytes) {

    /** Generous for signed business documents, small enough to stop abuse. */
    public static Limits defaults() {
      return new Limits(50_000, 2_000_000, 1_000, 32, 100, 1024 * 1024, 64L * 1024 * 1024);
    }
  }

  /** Where the header and the end-of-file marker may be, as PDF readers accept. */
  static final int HEADER_WINDOW = 1024;

  static final int TRAILER_WINDOW = 2048;

  private final Limits limits;
  private final SealVerifier sealVerifier;

  public PdfInspector() {
    this(Limits.defaults());
  }

  public PdfInspector(Limits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.sealVerifier = new SealVerifier(limits.maxSignatureBytes());
  }

  /**
   * The names of the XAdES files Penneo embeds in a signed PDF: "Signature for …" and "Signed data
   * for …".
   */
  public static boolean isXadesAttachment(String name) {
    String lower = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("signature for ") || lower.startsWith("signed data for ");
  }

  /**
   * Parses the PDF, lists its pages and embedded files and verifies every signature on it.
   *
   * @throws InvalidPdfException if the file is not a PDF, is truncated, does not parse, is
   *     encrypted or passes one of the {@link Limits}
   * @throws IOException if the file cannot be read
   */
  public PdfReport inspect(Path pdf, TrustAnchors trust) throws IOException, InvalidPdfException {
    return inspect(pdf, trust, DigestCheckpoints.none());
  }

  /**
   * As {@link #inspect(Path, TrustAnchors)} for a download: the seal check takes the digest of the
   * signed bytes from the download's checkpoints instead of hashing the file again.
   */
  public PdfReport inspect(DownloadedFile download, TrustAnchors trust)
      throws IOException, InvalidPdfException {
    return inspect(download.path(), trust, download.checkpoints());
  }

  private PdfReport inspect(Path pdf, TrustAnchors trust, DigestCheckpoints checkpoints)
      throws IOException, InvalidPdfException {
    Objects.requireNonNull(trust, "trust");
    try (FileChannel file = FileChannel.open(pdf, StandardOpenOption.READ)) {
      long length = file.size();
      checkFraming(file, length);
      try (PDDocument document = load(pdf)) {
        int pages;
        List<Attachment> attachments = new ArrayList<>();
        try {
          pages = countPages(document);
          for (Map.Entry<String, PDComplexFileSpecification> entry :
              embeddedFiles(document).entrySet()) {
            attachments.add(describe(entry.getKey(), entry.getValue()));
          }
        } catch (IOException e) {
          throw asInvalid(e);
        } catch (RuntimeException e) {
          throw new InvalidPdfException("does not parse: " + e, e);
        }
        try {
          // An IOException here is the file failing to read: not the PDF's fault.
          return new PdfReport(
              pages, attachments, checkSeals(document, file, length, trust, checkpoints));
        } catch (RuntimeException e) {
          throw new InvalidPdfException("its signatures do not parse: " + e, e);
        }
      }
    }
  }

  /**
   * Streams the embedded files whose name passes {@code nameFilter} (e.g. {@link
   * #isXadesAttachment}) into {@code targetDir}, each under {@link
   * ArchiveFileNames#attachmentFileName} (with a counter if two names sanitise alike), hashing them
   * on the way. Files already written are deleted if a later one fails.
   *
   * @throws InvalidPdfException if the PDF does not parse, an embedded file is missing its data or
   *     is larger than {@link Limits#maxAttachmentBytes()}
   */
  public List<ExtractedAttachment> extractAttachments(
      Path pdf, long documentId, Path targetDir, Predicate<String> nameFilter)
      throws IOException, InvalidPdfException {
    Objects.requireNonNull(nameFilter, "nameFilter");
    try (FileChannel file = FileChannel.open(pdf, StandardOpenOption.READ)) {
      checkFraming(file, file.size());
    }
    Files.createDirectories(targetDir);
    List<ExtractedAttachment> written = new ArrayList<>();
    boolean done = false;
    try (PDDocument document = load(pdf)) {
      Map<String, PDComplexFileSpecification> files;
      try {
        files = embeddedFiles(document);
      } catch (IOException e) {
        throw asInvalid(e);
      }
      Set<String> taken = new HashSet<>();
      for (Map.Entry<String, PDComplexFileSpecification> entry : files.entrySet()) {
        String name = displayName(entry.getKey(), entry.getValue());
        if (!nameFilter.test(name) && !nameFilter.test(entry.getKey())) {
          continue;
        }
        String fileName = ArchiveFileNames.attachmentFileName(documentId, name);
        for (int n = 2; !taken.add(fileName.toLowerCase(Locale.ROOT)); n++) {
          fileName =
              ArchiveFileNames.withCounter(
                  ArchiveFileNames.attachmentFileName(documentId, name), n);
        }
        written.add(extract(name, fileName, entry.getValue(), targetDir));
      }
      done = true;
      return written;
    } catch (RuntimeException e) {
      throw new InvalidPdfException("does not parse: " + e, e);
    } finally {
      if (!done) {
        for (ExtractedAttachment attachment : written) {
          Files.deleteIfExists(attachment.path());
        }
      }
    }
  }

  private ExtractedAttachment extract(
      String name, String fileName, PDComplexFileSpecification spec, Path targetDir)
      throws IOException, InvalidPdfException {
    PDEmbeddedFile embedded = embeddedFile(spec);
    if (embedded == null) {
      throw new InvalidPdfException("the embedded file '" + name + "' has no data");
    }
    Path target = targetDir.resolve(fileName);
    Files.deleteIfExists(target);
    boolean done = false;
    try (InputStream in = new DecodingFailures(embedded)) {
      Digests digests =
          FixityStream.write(
              in, target, limits.maxAttachmentBytes(), "The embedded file '" + name + "'");
      done = true;
      return new ExtractedAttachment(
          name, fileName, target, digests.size(), digests.sha256Hex(), digests.sha512Hex());
    } catch (DocumentTooLargeException e) {
      throw new InvalidPdfException(e.getMessage(), e);
    } catch (DecodingFailure e) {
      throw new InvalidPdfException(
          "the embedded file '" + name + "' cannot be decoded: " + e.getCause().getMessage(), e);
    } finally {
      if (!done) {
        Files.deleteIfExists(target);
      }
    }
  }

  /**
   * Refuses what PDFBox's lenient parser would otherwise repair silently: a file without a PDF
   * header, and a file cut short (its end-of-file marker is missing), as a broken download is.
   */
  private static void checkFraming(FileChannel file, long length)
      throws IOException, InvalidPdfException {
    if (length == 0) {
      throw new InvalidPdfException("not a PDF: the file is empty");
    }
    String head = ascii(file, 0, (int) Math.min(HEADER_WINDOW, length));
    if (!head.contains("%PDF-")) {
      throw new InvalidPdfException(
          "not a PDF: no %PDF- header in the first " + HEADER_WINDOW + " bytes");
    }
    long tailStart = Math.max(0, length - TRAILER_WINDOW);
    String tail = ascii(file, tailStart, (int) (length - tailStart));
    if (!tail.contains("%%EOF")) {
      throw new InvalidPdfException("truncated: no %%EOF marker at the end of the file");
    }
    if (!tail.contains("startxref")) {
      throw new InvalidPdfException("truncated: no startxref at the end of the file");
    }
  }

  private static String ascii(FileChannel file, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining() && file.read(buffer, position + buffer.position()) >= 0) {
      // read until full or end of file
    }
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
  }

  private PDDocument load(Path pdf) throws IOException, InvalidPdfException {
    RandomAccessReadBufferedFile source = new RandomAccessReadBufferedFile(pdf);
    PDDocument document;
    try {
      document = Loader.loadPDF(source, "", null, null, IOUtils.createTempFileOnlyStreamCache());
    } catch (InvalidPasswordException e) {
      source.close();
      throw new InvalidPdfException("encrypted: it cannot be opened without a password", e);
    } catch (IOException e) {
      source.close();
      throw asInvalid(e);
    } catch (RuntimeException e) {
      source.close();
      throw new InvalidPdfException("does not parse: " + e, e);
    }
    int objects = document.getDocument().getXrefTable().size();
    if (objects > limits.maxObjects()) {
      document.close();
      throw new InvalidPdfException(
          "has " + objects + " objects, more than the limit of " + limits.maxObjects());
    }
    return document;
  }

  /** A file-system fault stays an IOException (retried); anything else is a broken PDF. */
  private static InvalidPdfException asInvalid(IOException e) throws IOException {
    if (e instanceof FileSystemException || e instanceof ClosedChannelException) {
      throw e;
    }
    return new InvalidPdfException("does not parse: " + e.getMessage(), e);
  }

  private int countPages(PDDocument document) throws InvalidPdfException {
    int pages = document.getNumberOfPages();
    if (pages <= 0) {
      throw new InvalidPdfException("has no pages");
    }
    if (pages > limits.maxPages()) {
      throw new InvalidPdfException(
          "has " + pages + " pages, more than the limit of " + limits.maxPages());
    }
    return pages;
  }

  /** The embedded files by name-tree key, in tree order, walked with depth and count limits. */
  private Map<String, PDComplexFileSpecification> embeddedFiles(PDDocument document)
      throws IOException, InvalidPdfException {
    Map<String, PDComplexFileSpecification> files = new LinkedHashMap<>();
    PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
    PDEmbeddedFilesNameTreeNode root = names == null ? null : names.getEmbeddedFiles();
    if (root != null) {
      walk(root, 0, files, Collections.newSetFromMap(new IdentityHashMap<>()));
    }
    return files;
  }

  private void walk(
      PDNameTreeNode<PDComplexFileSpecification> node,
      int depth,
      Map<String, PDComplexFileSpecification> files,
      Set<COSDictionary> seen)
      throws IOException, InvalidPdfException {
    if (depth > limits.maxNameTreeDepth()) {
      throw new InvalidPdfException(
          "its embedded-files name tree is deeper than " + limits.maxNameTreeDepth() + " levels");
    }
    if (!seen.add(node.getCOSObject())) {
      throw new InvalidPdfException("its embedded-files name tree contains a loop");
    }
    Map<String, PDComplexFileSpecification> here = node.getNames();
    if (here != null) {
      for (Map.Entry<String, PDComplexFileSpecification> entry : here.entrySet()) {
        if (entry.getValue() != null) {
          files.putIfAbsent(entry.getKey(), entry.getValue());
        }
        if (files.size() > limits.maxAttachments()) {
          throw new InvalidPdfException(
              "has more than " + limits.maxAttachments() + " embedded files");
        }
      }
    }
    List<PDNameTreeNode<PDComplexFileSpecification>> kids = node.getKids();
    if (kids != null) {
      for (PDNameTreeNode<PDComplexFileSpecification> kid : kids) {
        walk(kid, depth + 1, files, seen);
      }
    }
  }

  private static Attachment describe(String key, PDComplexFileSpecification spec) {
    PDEmbeddedFile embedded = embeddedFile(spec);
    long size = -1;
    String mimeType = null;
    if (embedded != null) {
      COSBase params = embedded.getCOSObject().getDictionaryObject(COSName.PARAMS);
      if (params instanceof COSDictionary dictionary) {
        size = dictionary.getLong(COSName.SIZE, -1);
      }
      mimeType = embedded.getSubtype();
    }
    return new Attachment(displayName(key, spec), size, mimeType);
  }

  private static String displayName(String key, PDComplexFileSpecification spec) {
    String name = spec.getFilename();
    return name == null || name.isBlank() ? key : name;
  }

  private static PDEmbeddedFile embeddedFile(PDComplexFileSpecification spec) {
    PDEmbeddedFile embedded = spec.getEmbeddedFileUnicode();
    if (embedded == null) {
      embedded = spec.getEmbeddedFile();
    }
    if (embedded == null) {
      embedded = spec.getEmbeddedFileUnix();
    }
    if (embedded == null) {
      embedded = spec.getEmbeddedFileDos();
    }
    if (embedded == null) {
      embedded = spec.getEmbeddedFileMac();
    }
    return embedded;
  }

  private List<SealCheck> checkSeals(
      PDDocument document,
      FileChannel file,
      long length,
      TrustAnchors trust,
      DigestCheckpoints checkpoints)
      throws IOException, InvalidPdfException {
    List<PDSignature> signatures = document.getSignatureDictionaries();
    if (signatures.size() > limits.maxSignatures()) {
      throw new InvalidPdfException(
          "has "
              + signatures.size()
              + " signatures, more than the limit of "
              + limits.maxSignatures());
    }
    List<long[]> ranges = new ArrayList<>();
    long lastEnd = -1;
    for (PDSignature signature : signatures) {
      long[] range = SealVerifier.byteRange(signature);
      ranges.add(range);
      if (range != null) {
        lastEnd = Math.max(lastEnd, range[2] + range[3]);
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < signatures.size(); i++) {
      order.add(i);
    }
    order.sort(
        (a, b) ->
            Long.compare(
                ranges.get(a) == null ? -1 : ranges.get(a)[2] + ranges.get(a)[3],
                ranges.get(b) == null ? -1 : ranges.get(b)[2] + ranges.get(b)[3]));
    List<SealCheck> checks = new ArrayList<>();
    for (int i : order) {
      long[] range = ranges.get(i);
      boolean finalSeal = range == null || range[2] + range[3] == lastEnd;
      checks.add(
          sealVerifier.verify(
              file, length, signatures.get(i), range, finalSeal, trust, checkpoints));
    }
    return checks;
  }

  /** A read error of PDFBox while decoding an embedded file: the PDF's fault, not the disk's. */
  private static final class DecodingFailure extends IOException {
    DecodingFailure(IOException cause) {
      super(cause);
    }
  }

  /**
   * The decoded data of an embedded file, with PDFBox's read errors marked as {@link
   * DecodingFailure}, so that a failure to write the copy (a full disk) stays an ordinary
   * IOException that the job retries, while a corrupt stream quarantines the document.
   */
  private static final class DecodingFailures extends InputStream {
    private final InputStream in;

    DecodingFailures(PDEmbeddedFile embedded) throws DecodingFailure {
      try {
        this.in = embedded.createInputStream();
      } catch (IOException e) {
        throw new DecodingFailure(e);
      }
    }

    @Override
    public int read() throws IOException {
      try {
        return in.read();
      } catch (IOException e) {
        throw new DecodingFailure(e);
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        return in.read(buffer, offset, length);
      } catch (IOException e) {
        throw new DecodingFailure(e);
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
