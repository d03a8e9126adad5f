package org.penneosandbox.casefile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.penneosandbox.config.Account;
import org.penneosandbox.config.SandboxConfig;
import org.penneosandbox.ids.IdSequence;
import org.penneosandbox.json.ApiException;
import org.penneosandbox.pdf.BuiltPdf;
import org.penneosandbox.pdf.PdfSpec;
import org.penneosandbox.pdf.SignedPdfFactory;

/**
 * Creates case files with their signed PDFs, finds them for an account (a normal user sees only its
 * own), and deletes them with their files.
 */
public final class CaseFileService {

  private static final Logger LOG = Logger.getLogger(CaseFileService.class.getName());

  public static final int MAX_SIGNERS = 50;
  public static final int MAX_DOCUMENTS = 20;
  public static final int MAX_TITLE = 255;

  /** Kept free on the data disk so that big documents cannot fill it. */
  private static final long DISK_HEADROOM = 256L * 1024 * 1024;

  public record NewSigner(String name, String email) {}

  /** A document to create: its target size, and the uploaded original when there is one. */
  public record NewDocument(String title, long targetBytes, Path upload) {}

  private final SandboxConfig config;
  private final IdSequence ids;
  private final CaseFileStore store;
  private final SignedPdfFactory pdfs;
  private final Path documentsDir;

  public CaseFileService(
      SandboxConfig config, IdSequence ids, CaseFileStore store, SignedPdfFactory pdfs) {
    this.config = config;
    this.ids = ids;
    this.store = store;
    this.pdfs = pdfs;
    this.documentsDir = config.dataDir().resolve("documents");
  }

  public CaseFile create(
      String title, Account owner, List<NewSigner> signers, List<NewDocument> documents) {
    if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
      throw ApiException.badRequest("title must have 1 to " + MAX_TITLE + " characters");
    }
    if (signers.isEmpty() || signers.size() > MAX_SIGNERS) {
      throw ApiException.badRequest("a case file needs 1 to " + MAX_SIGNERS + " signers");
    }
    if (documents.isEmpty() || documents.size() > MAX_DOCUMENTS) {
      throw ApiException.badRequest("a case file needs 1 to " + MAX_DOCUMENTS + " documents");
    }
    long total = 0;
    for (NewDocument d : documents) {
      if (d.targetBytes() < 0 || d.targetBytes() > config.documentMaxBytes()) {
        throw ApiException.badRequest(
            "document sizes must be between 0 and " + config.documentMaxBytes() + " bytes");
      }
      total += d.targetBytes();
    }
    requireDiskSpace(total);

    long id = ids.next();
    Instant now = Instant.now();
    List<Signer> signerList = new ArrayList<>();
    for (NewSigner s : signers) {
      signerList.add(new Signer(ids.next(), id, s.name(), s.email()));
    }
    List<PdfSpec.SignerRef> refs =
        signerList.stream().map(s -> new PdfSpec.SignerRef(s.id(), s.name())).toList();
    List<Document> docs = new ArrayList<>();
    Path dir = documentsDir.resolve(Long.toString(id));
    try {
      for (NewDocument nd : documents) {
        long docId = ids.next();
        PdfSpec spec =
            new PdfSpec(id, title, docId, nd.title(), refs, nd.targetBytes(), nd.upload(), now);
        BuiltPdf pdf = pdfs.build(spec, dir.resolve(docId + ".pdf"));
        Path original = null;
        long originalLength = pdf.originalLength();
        if (nd.upload() != null) {
          original = dir.resolve(docId + ".original.pdf");
          Files.move(nd.upload(), original);
          originalLength = Files.size(original);
        }
        docs.add(
            new Document(
                docId,
                id,
                nd.title(),
                now,
                pdf.file(),
                pdf.size(),
                originalLength,
                original,
                pdf.pages()));
      }
    } catch (IOException e) {
      deleteTree(dir);
      throw new UncheckedIOException("cannot store the documents of case file " + id, e);
    } catch (RuntimeException e) {
      deleteTree(dir);
      throw e;
    }
    CaseFile cf =
        new CaseFile(id, title, owner.userId(), owner.customerId(), now, signerList, docs);
    store.add(cf);
    LOG.info(
        () ->
            "case file "
                + id
                + " created for "
                + owner.name()
                + ": "
                + signerList.size()
                + " signers, documents "
                + docs.stream().map(d -> d.id() + " (" + d.size() + " B)").toList());
    return cf;
  }

  private void requireDiskSpace(long bytes) {
    try {
      Files.createDirectories(documentsDir);
      long free = Files.getFileStore(documentsDir).getUsableSpace();
      if (free - DISK_HEADROOM < bytes * 2) {
        // Building writes the unsigned file beside the signed one: twice the size for a moment.
        throw new ApiException(507, "not enough disk space for " + bytes + " bytes of documents");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static boolean visibleTo(CaseFile cf, Account account) {
    return account.superUser() || cf.ownerUserId() == account.userId();
  }

  public CaseFile caseFile(long id, Account account) {
    CaseFile cf =
        store
            .caseFile(id)
            .orElseThrow(() -> ApiException.notFound("case file " + id + " not found"));
    if (!visibleTo(cf, account)) {
      throw new ApiException(403, "case file " + id + " is not accessible to this user");
    }
    return cf;
  }

  public Document document(long id, Account account) {
    Document d =
        store
            .document(id)
            .orElseThrow(() -> ApiException.notFound("document " + id + " not found"));
    caseFile(d.caseFileId(), account);
    return d;
  }

  public Signer signer(long id, Account account) {
    Signer s =
        store.signer(id).orElseThrow(() -> ApiException.notFound("signer " + id + " not found"));
    caseFile(s.caseFileId(), account);
    return s;
  }

  /** The case files an account may see, in id order, optionally with one status. */
  public List<CaseFile> list(Account account, Integer status) {
    return store.all().stream()
        .filter(cf -> visibleTo(cf, account))
        .filter(cf -> status == null || cf.status() == status)
        .toList();
  }

  public void delete(CaseFile cf) {
    store.remove(cf);
    deleteTree(documentsDir.resolve(Long.toString(cf.id())));
    LOG.info(() -> "case file " + cf.id() + " deleted with its documents");
  }

  /** Forget every case file and delete every document file (control reset and start-up). */
  public void reset() {
    store.clear();
    deleteTree(documentsDir);
    deleteTree(uploadsDir());
  }

  public Path uploadsDir() {
    return config.dataDir().resolve("uploads");
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(CaseFileService::deleteQuietly);
    } catch (IOException e) {
      LOG.warning("cannot delete " + dir + ": " + e);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      LOG.warning("cannot delete " + p + ": " + e);
    }
  }
}
