package org.penneoarchive.batch.casefiles;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.penneoarchive.application.archive.ArchiveCandidate;
import org.penneoarchive.application.archive.ArchiveRecords;
import org.penneoarchive.application.archive.ArchivedDocumentRecord;
import org.penneoarchive.archive.ArchiveFileNames;
import org.penneoarchive.archive.BagConflictException;
import org.penneoarchive.archive.BagEntry;
import org.penneoarchive.archive.BagResult;
import org.penneoarchive.archive.DocumentTooLargeException;
import org.penneoarchive.archive.DownloadedFile;
import org.penneoarchive.archive.ExtractedAttachment;
import org.penneoarchive.archive.FixityStream;
import org.penneoarchive.archive.InvalidPdfException;
import org.penneoarchive.archive.PdfInspector;
import org.penneoarchive.archive.PdfReport;
import org.penneoarchive.archive.TrustAnchors;
import org.penneoarchive.batch.ArchiveSettings;
import org.penneoarchive.infrastructure.config.PenneoClients;
import org.penneoarchive.infrastructure.config.PenneoNotConfiguredException;
import org.penneoarchive.infrastructure.penneo.CaseFileInfo;
import org.penneoarchive.infrastructure.penneo.DocumentDownload;
import org.penneoarchive.infrastructure.penneo.DocumentInfo;
import org.penneoarchive.infrastructure.penneo.PenneoApiException;
import org.penneoarchive.infrastructure.penneo.PenneoClient;
import org.penneoarchive.infrastructure.penneo.SignerInfo;

/**
 * Archives one case file with the archive core: reads it from Penneo with the super API user,
 * downloads each signed PDF ({@code /content}, else the legacy base64 {@code /pdf}) into a work
 * folder on the archive's file system with its fixity computed on the way, checks it with PDFBox
 * (parses, pages, seal verified against {@code archive.trust-store}), extracts the XAdES files, and
 * builds {@code casefile.json}; then writes the bag.
 *
 * <p>Faults are sorted for the job: passing ones ({@link TransientArchiveException}) are retried,
 * the rest quarantine the case file ({@link CaseFileQuarantinedException}, the offending file kept
 * under {@code archive.root/.quarantine}). A PDF that does not parse, or whose seal does not
 * verify, is downloaded a second time first: if the second copy differs, the transfer was at fault
 * and the case file is retried, never quarantined or archived on a damaged copy. A seal that does
 * not verify on two identical copies is archived as Penneo served it, with {@code
 * signatureValid=false} and the reason.
 */
@ApplicationScoped
public class CaseFileArchiver {

  private static final Logger LOG = Logger.getLogger(CaseFileArchiver.class.getName());

  @Inject ArchiveSettings settings;

  /** The container's threads for the SHA-512 half of a large download's fixity (FixityStream). */
  @Resource(lookup = "java:jboss/ee/concurrency/factory/default")
  ManagedThreadFactory digestThreads;

  @Inject PenneoClients penneo;
  @Inject ArchiveRecords records;

  private final PdfInspector inspector = new PdfInspector();

  /**
   * Downloads and checks a case file's documents.
   *
   * @param again staff asked to archive it again: also after a quarantine
   * @return the package for the writer, or null when the case file is not to be archived now (not
   *     completed, already archived, quarantined)
   */
  public ArchivePackage prepare(long caseFileId, boolean again, long executionId)
      throws TransientArchiveException, CaseFileQuarantinedException {
    Optional<ArchiveCandidate> found = records.candidate(caseFileId, again);
    if (found.isEmpty()) {
      return null;
    }
    ArchiveCandidate candidate = found.get();
    TrustAnchors trust;
    PenneoClient client;
    try {
      trust = settings.trustAnchors();
      client = penneo.client();
    } catch (IOException e) {
      throw new TransientArchiveException(
          "Case file "
              + caseFileId
              + ": the trust store (archive.trust-store) cannot be read: "
              + e.getMessage(),
          e);
    } catch (PenneoNotConfiguredException e) {
      throw new TransientArchiveException(
          "Case file " + caseFileId + ": Penneo is not configured: " + e.getMessage(), e);
    }
    Path work = null;
    boolean done = false;
    try {
      CaseFileInfo info =
          client
              .getCaseFile(caseFileId)
              .orElseThrow(
                  () ->
                      new CaseFileQuarantinedException(
                          caseFileId,
                          "Penneo does not know case file " + caseFileId + " (deleted at Penneo?)",
                          null,
                          null));
      if (!info.isCompleted()) {
        throw new TransientArchiveException(
            "Case file "
                + caseFileId
                + ": Penneo says status "
                + info.status()
                + ", its signed documents are not ready yet",
            null);
      }
      List<DocumentInfo> documents =
          client.getCaseFileDocuments(caseFileId).stream()
              .sorted(Comparator.comparingLong(DocumentInfo::id))
              .toList();
      if (documents.isEmpty()) {
        throw new CaseFileQuarantinedException(
            caseFileId, "Penneo lists no documents for case file " + caseFileId, null, null);
      }
      if (documents.size() > settings.maxDocumentsPerCaseFile()) {
        throw new CaseFileQuarantinedException(
            caseFileId,
            "case file "
                + caseFileId
                + " has "
                + documents.size()
                + " documents, more than archive.max-documents-per-case-file ("
                + settings.maxDocumentsPerCaseFile()
                + ")",
            null,
            null);
      }
      List<SignerInfo> signers = client.getCaseFileSigners(caseFileId);
      Files.createDirectories(settings.workDir());
      work =
          Files.createTempDirectory(
              settings.workDir(), "casefile-" + caseFileId + "-" + executionId + "-");

      List<BagEntry> payload = new ArrayList<>();
      List<CaseFileJson.Document> described = new ArrayList<>();
      List<ArchivedDocumentRecord> recorded = new ArrayList<>();
      for (DocumentInfo document : documents) {
        Checked checked = downloadAndCheck(client, caseFileId, document, work, trust, executionId);
        String fileName = ArchiveFileNames.documentFileName(document.id(), document.title());
        payload.add(BagEntry.of(fileName, checked.file()));
        checked.xades().forEach(x -> payload.add(x.toBagEntry()));
        described.add(
            new CaseFileJson.Document(
                document.id(),
                document.title(),
                document.documentType(),
                fileName,
                checked.file().size(),
                checked.file().sha256Hex(),
                checked.file().sha512Hex(),
                checked.report(),
                checked.xades()));
        recorded.add(
            new ArchivedDocumentRecord(
                document.id(),
                document.title(),
                fileName,
                checked.file().size(),
                checked.report().pages(),
                checked.file().sha256Hex(),
                checked.file().sha512Hex(),
                checked.report().sealValid(),
                checked.report().sealValid() ? "valid" : checked.report().seal().reason(),
                checked.report().seal().signerSubject(),
                checked.xades().size(),
                null));
        LOG.info(
            () ->
                "Case file "
                    + caseFileId
                    + ": document "
                    + document.id()
                    + " downloaded ("
                    + checked.file().size()
                    + " bytes, "
                    + checked.report().pages()
                    + " pages, seal "
                    + (checked.report().sealValid() ? "valid" : checked.report().seal().reason())
                    + ", "
                    + checked.xades().size()
                    + " XAdES files)");
      }
      byte[] json = CaseFileJson.build(info, candidate, signers, described);
      done = true;
      return new ArchivePackage(caseFileId, candidate.completedAt(), payload, json, recorded, work);
    } catch (PenneoApiException e) {
      throw classify(caseFileId, e);
    } catch (TransientArchiveException e) {
      throw e;
    } catch (IOException e) {
      throw new TransientArchiveException(
          "Case file " + caseFileId + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(),
          e);
    } finally {
      if (!done && work != null) {
        deleteQuietly(work);
      }
    }
  }

  /** Puts the bag in place (or finds the identical one already there). */
  public BagResult write(ArchivePackage p) throws IOException, BagConflictException {
    return settings
        .bagWriter()
        .write(p.caseFileId(), p.completedAt(), p.payload(), p.caseFileJson());
  }

  /** The records of a package's documents with their place in the written bag. */
  public List<ArchivedDocumentRecord> placed(ArchivePackage p, BagResult bag) {
    return p.documents().stream()
        .map(
            d ->
                new ArchivedDocumentRecord(
                    d.penneoDocumentId(),
                    d.title(),
                    d.fileName(),
                    d.size(),
                    d.pages(),
                    d.sha256(),
                    d.sha512(),
                    d.signatureValid(),
                    d.sealReason(),
                    d.signerSubject(),
                    d.xadesFiles(),
                    bag.payloadFile(d.fileName()).toString()))
        .toList();
  }

  /** Deletes a package's work folder (its files are in the bag now, or no longer needed). */
  public void discard(ArchivePackage p) {
    deleteQuietly(p.workDir());
  }

  /** Removes every leftover of downloads a crash interrupted; call before any job runs. */
  public int cleanWork() throws IOException {
    Path dir = settings.workDir();
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    List<Path> leftovers;
    try (var listing = Files.list(dir)) {
      leftovers = listing.toList();
    }
    leftovers.forEach(CaseFileArchiver::deleteQuietly);
    return leftovers.size();
  }

  private record Checked(DownloadedFile file, PdfReport report, List<ExtractedAttachment> xades) {}

  private Checked downloadAndCheck(
      PenneoClient client,
      long caseFileId,
      DocumentInfo document,
      Path work,
      TrustAnchors trust,
      long executionId)
      throws IOException, CaseFileQuarantinedException {
    DownloadedFile file = download(client, caseFileId, document.id(), work);
    try {
      PdfReport report = inspector.inspect(file, trust);
      if (!report.sealValid()) {
        confirmSameBytes(client, caseFileId, document.id(), work, file, report.seal().reason());
      }
      List<ExtractedAttachment> xades =
          inspector.extractAttachments(
              file.path(),
              document.id(),
              work.resolve("xades-" + document.id()),
              PdfInspector::isXadesAttachment);
      return new Checked(file, report, xades);
    } catch (InvalidPdfException e) {
      confirmSameBytes(client, caseFileId, document.id(), work, file, e.getMessage());
      String reason =
          "document " + document.id() + " ('" + document.title() + "') " + e.getMessage();
      throw new CaseFileQuarantinedException(
          caseFileId,
          reason,
          quarantine(caseFileId, document.id(), executionId, file.path(), reason),
          e);
    }
  }

  /**
   * A second download of a document that failed its checks: a different copy means the transfer,
   * not the document, was at fault, and the case file is retried.
   */
  private void confirmSameBytes(
      PenneoClient client,
      long caseFileId,
      long documentId,
      Path work,
      DownloadedFile first,
      String problem)
      throws IOException, CaseFileQuarantinedException {
    LOG.info(
        () ->
            "Case file "
                + caseFileId
                + ": document "
                + documentId
                + " failed its check ("
                + problem
                + "); downloading it again to rule out a damaged transfer");
    DownloadedFile second = download(client, caseFileId, documentId, work);
    try {
      if (!second.sha256Hex().equals(first.sha256Hex())) {
        throw new TransientArchiveException(
            "Case file "
                + caseFileId
                + ": two downloads of document "
                + documentId
                + " differ ("
                + first.size()
                + " and "
                + second.size()
                + " bytes); the transfer is unreliable",
            null);
      }
    } finally {
      Files.deleteIfExists(second.path());
    }
  }

  private DownloadedFile download(PenneoClient client, long caseFileId, long documentId, Path work)
      throws IOException, CaseFileQuarantinedException {
    long max = settings.maxDocumentBytes();
    try {
      try {
        try (DocumentDownload d = client.openDocumentContent(documentId)) {
          return FixityStream.copyToTempFile(d.body(), work, max, d.contentLength(), digestThreads);
        }
      } catch (PenneoApiException e) {
        if (!servesNoContent(e)) {
          throw e;
        }
        LOG.info(
            () ->
                "Case file "
                    + caseFileId
                    + ": document "
                    + documentId
                    + " has no /content ("
                    + e.getMessage()
                    + "); trying the legacy /pdf");
        try (InputStream in = client.openLegacyPdf(documentId)) {
          return FixityStream.copyToTempFile(in, work, max, OptionalLong.empty(), digestThreads);
        }
      }
    } catch (DocumentTooLargeException e) {
      throw new CaseFileQuarantinedException(
          caseFileId,
          "document " + documentId + ": " + e.getMessage() + " (archive.max-document-bytes)",
          null,
          e);
    }
  }

  /** Whether Penneo answered {@code /content} in a way that the legacy {@code /pdf} may fix. */
  private static boolean servesNoContent(PenneoApiException e) {
    if (e.kind() == PenneoApiException.Kind.NOT_FOUND) {
      return true;
    }
    int status = e.status().orElse(-1);
    return e.kind() == PenneoApiException.Kind.PERMANENT
        && (status == 406 || status == 415 || status == 501 || status == 200);
  }

  /**
   * Sorts a refusal of Penneo: unavailable, not ready yet (404, 409, 425) or the archive user
   * refused (401, 403, a configuration fault) are passing and returned; anything else quarantines
   * the case file.
   */
  private static TransientArchiveException classify(long caseFileId, PenneoApiException e)
      throws CaseFileQuarantinedException {
    String subject = "Case file " + caseFileId + ": ";
    if (e.kind() == PenneoApiException.Kind.TRANSIENT) {
      return new TransientArchiveException(subject + e.getMessage(), e);
    }
    int status = e.status().orElse(-1);
    if (e.kind() == PenneoApiException.Kind.NOT_FOUND || status == 409 || status == 425) {
      return new TransientArchiveException(
          subject + "not ready at Penneo yet: " + e.getMessage(), e);
    }
    if (status == 401 || status == 403) {
      return new TransientArchiveException(
          subject
              + "Penneo refused the archive user (check penneo.archive-user.*): "
              + e.getMessage(),
          e);
    }
    throw new CaseFileQuarantinedException(caseFileId, e.getMessage(), null, e);
  }

  /** Keeps a file that failed its checks, with the reason, under {@code .quarantine}. */
  private Path quarantine(
      long caseFileId, long documentId, long executionId, Path file, String reason) {
    Path dir =
        settings
            .quarantineDir()
            .resolve(ArchiveFileNames.bagDirectoryName(caseFileId))
            .resolve("execution-" + executionId);
    try {
      Files.createDirectories(dir);
      Files.move(file, dir.resolve(documentId + ".pdf"), StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(
          dir.resolve("reason.txt"),
          Instant.now() + " case file " + caseFileId + ": " + reason + "\n",
          StandardCharsets.UTF_8);
      LOG.warning(() -> "Case file " + caseFileId + ": document kept in quarantine at " + dir);
      return dir;
    } catch (IOException e) {
      LOG.log(
          Level.WARNING,
          "Case file " + caseFileId + ": could not keep document " + documentId + " in " + dir,
          e);
      return null;
    }
  }

  static void deleteQuietly(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure)
                throws IOException {
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not delete " + root, e);
    }
  }
}
