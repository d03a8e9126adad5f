package org.penneoarchive.archive;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Runs the whole archive core on one large PDF in a JVM whose heap is smaller than the PDF (see
 * {@link BoundedMemoryTest}): stream-copy and hash, inspect and verify the seal, extract every
 * embedded file, write a bag, audit it. An {@link OutOfMemoryError} anywhere means something held
 * the file whole.
 */
public final class BoundedMemoryProbe {

  private BoundedMemoryProbe() {}

  /** Arguments: the PDF, the CA's PEM file, a work directory. Prints one line of results. */
  public static void main(String[] args) throws Exception {
    Path pdf = Path.of(args[0]);
    TrustAnchors trust = TrustAnchors.of(Path.of(args[1]));
    Path work = Path.of(args[2]);
    long size = Files.size(pdf);

    DownloadedFile download;
    try (InputStream in = Files.newInputStream(pdf)) {
      download =
          FixityStream.copyToTempFile(
              in, work.resolve("downloads"), Long.MAX_VALUE, OptionalLong.of(size));
    }
    PdfInspector inspector =
        new PdfInspector(
            new PdfInspector.Limits(1000, 100_000, 100, 8, 10, 1 << 20, 200L * 1024 * 1024));
    PdfReport report = inspector.inspect(download, trust);
    List<ExtractedAttachment> extracted =
        inspector.extractAttachments(download.path(), 1, work.resolve("extracted"), name -> true);
    long extractedBytes = extracted.stream().mapToLong(ExtractedAttachment::size).sum();

    BagResult bag =
        new BagWriter(work.resolve("archive"), "Probe")
            .write(
                1,
                Instant.parse("2025-01-01T00:00:00Z"),
                List.of(BagEntry.of(ArchiveFileNames.documentFileName(1, "large"), download)),
                "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    AuditResult audit = new FixityAuditor().audit(bag.bagDir());

    System.out.println(
        "maxHeap="
            + Runtime.getRuntime().maxMemory()
            + " size="
            + download.size()
            + " sha256="
            + download.sha256Hex()
            + " pages="
            + report.pages()
            + " sealValid="
            + report.sealValid()
            + " attachments="
            + extracted.size()
            + " extractedBytes="
            + extractedBytes
            + " auditOk="
            + audit.ok());
  }
}
