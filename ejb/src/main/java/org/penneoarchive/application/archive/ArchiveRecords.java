package org.penneoarchive.application.archive;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.penneoarchive.application.tasks.StaffTaskService;
import org.penneoarchive.domain.casefile.CaseFileState;
import org.penneoarchive.domain.casefile.CaseFileStateMachine;
import org.penneoarchive.infrastructure.persistence.ArchiveRepository;
import org.penneoarchive.infrastructure.persistence.CaseFileRepository;
import org.penneoarchive.model.ArchiveFailure;
import org.penneoarchive.model.ArchivedDocument;
import org.penneoarchive.model.CaseFile;
import org.penneoarchive.model.StaffTask;

/**
 * What the archive job reads from and records in the database: which case files wait, what the
 * product knows of one, and the outcome — archived documents (case file {@code ARCHIVED}) or a
 * failure ({@code ARCHIVE_FAILED}, with its reason and whether a sweep may retry it).
 *
 * <p>Recording takes the case file's row lock first, so that two jobs that archived the same case
 * file (a prompt job and a sweep) record it once: the second finds it archived and adds nothing.
 */
@Stateless
public class ArchiveRecords {

  private static final Logger LOG = Logger.getLogger(ArchiveRecords.class.getName());

  @Inject ArchiveRepository archive;
  @Inject CaseFileRepository caseFiles;
  @Inject StaffTaskService tasks;

  /** Failed runs after which a passing fault counts as lasting: the case file is quarantined. */
  @Inject
  @ConfigProperty(name = "archive.max-failed-attempts", defaultValue = "20")
  int maxAttempts;

  private final Clock clock = Clock.systemUTC();

  /** The case files a sweep takes (see {@link ArchiveRepository#sweepCandidates}). */
  public List<Long> sweepCandidates(int max) {
    return archive.sweepCandidates(max);
  }

  /**
   * The case file, if the job should archive it now: {@code COMPLETED}, or {@code ARCHIVE_FAILED}
   * after a passing fault — or after a quarantine when {@code again} (staff asked).
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<ArchiveCandidate> candidate(long penneoId, boolean again) {
    CaseFile cf = caseFiles.byPenneoId(penneoId).orElse(null);
    if (cf == null) {
      LOG.warning(() -> "Case file " + penneoId + ": not known here, not archived");
      return Optional.empty();
    }
    if (!CaseFileStateMachine.isArchivable(cf.getState()) || cf.getCompletedAt() == null) {
      LOG.info(() -> "Case file " + penneoId + ": " + cf.getState() + ", nothing to archive");
      return Optional.empty();
    }
    if (cf.getState() == CaseFileState.ARCHIVE_FAILED && !again) {
      Optional<ArchiveFailure> failure = archive.failure(penneoId);
      if (failure.isPresent() && !failure.get().isRetryable()) {
        LOG.info(
            () ->
                "Case file "
                    + penneoId
                    + ": quarantined ("
                    + failure.get().getReason()
                    + "); only 'archive again' takes it");
        return Optional.empty();
      }
    }
    Instant completedAt = cf.getCompletedAt();
    List<ArchiveCandidate.TimelineEvent> events =
        caseFiles.events(penneoId).stream()
            .filter(e -> !e.getEventTime().isAfter(completedAt))
            .map(
                e ->
                    new ArchiveCandidate.TimelineEvent(
                        e.getTopic(), e.getEventType(), e.getEventTime(), e.getSignerPenneoId()))
            .sorted(
                Comparator.comparing(ArchiveCandidate.TimelineEvent::eventTime)
                    .thenComparing(ArchiveCandidate.TimelineEvent::topic)
                    .thenComparing(ArchiveCandidate.TimelineEvent::eventType)
                    .thenComparing(
                        e -> e.signerId() == null ? -1L : e.signerId(), Comparator.naturalOrder()))
            .toList();
    return Optional.of(new ArchiveCandidate(penneoId, cf.getTitle(), completedAt, events));
  }

  /**
   * The bag is in place: records its documents and moves the case file to {@code ARCHIVED}. A case
   * file already archived (by another job) is left as it is.
   *
   * @return true if this call archived the case file, false if it already was
   */
  public boolean archived(
      long penneoId, Path bagDir, List<ArchivedDocumentRecord> documents, Long jobExecutionId) {
    CaseFile cf =
        archive
            .lockCaseFile(penneoId)
            .orElseThrow(() -> new IllegalStateException("case file " + penneoId + " vanished"));
    if (cf.getState() == CaseFileState.ARCHIVED) {
      LOG.info(() -> "Case file " + penneoId + ": already archived, nothing recorded again");
      return false;
    }
    Instant now = clock.instant();
    for (ArchivedDocumentRecord d : documents) {
      if (archive.documentArchived(d.penneoDocumentId())) {
        continue;
      }
      archive.add(
          new ArchivedDocument(
              penneoId,
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
              d.path(),
              now,
              jobExecutionId));
      if (!d.signatureValid()) {
        tasks.openIfAbsent(
            StaffTask.Kind.ARCHIVE_FAILED,
            penneoId,
            null,
            "Archived, but the seal of document "
                + d.penneoDocumentId()
                + " does not verify: "
                + d.sealReason());
      }
    }
    archive.failure(penneoId).ifPresent(archive::remove);
    cf.archived(bagDir.toString());
    LOG.info(
        () ->
            "Case file "
                + penneoId
                + ": ARCHIVED in "
                + bagDir
                + " ("
                + documents.size()
                + " documents)");
    return true;
  }

  /**
   * Archiving failed: the case file becomes {@code ARCHIVE_FAILED} with the reason (unless another
   * job archived it meanwhile). A quarantine ({@code retryable} false, or a passing fault that
   * failed {@code archive.max-failed-attempts} runs) also opens a staff task. Runs in its own
   * transaction so that the failure stays recorded whatever the job does next.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void failed(
      long penneoId, String reason, boolean retryable, Path quarantinePath, Long jobExecutionId) {
    CaseFile cf = archive.lockCaseFile(penneoId).orElse(null);
    if (cf == null || !CaseFileStateMachine.isArchivable(cf.getState())) {
      LOG.info(
          () ->
              "Case file "
                  + penneoId
                  + ": archive failure not recorded, the case file is "
                  + (cf == null ? "unknown" : cf.getState()));
      return;
    }
    Instant now = clock.instant();
    ArchiveFailure failure =
        archive
            .failure(penneoId)
            .orElseGet(
                () -> {
                  ArchiveFailure f = new ArchiveFailure(penneoId, now);
                  archive.add(f);
                  return f;
                });
    boolean retryLater = retryable && failure.getAttempts() + 1 < maxAttempts;
    String why =
        retryable && !retryLater
            ? reason + " (quarantined after " + maxAttempts + " failed attempts)"
            : reason;
    failure.failedAgain(
        why,
        retryLater,
        quarantinePath == null ? null : quarantinePath.toString(),
        jobExecutionId,
        now);
    cf.archiveFailed(failure.getReason());
    if (!retryLater) {
      tasks.openIfAbsent(StaffTask.Kind.ARCHIVE_FAILED, penneoId, null, "Archiving failed: " + why);
    }
    LOG.warning(
        () ->
            "Case file "
                + penneoId
                + ": ARCHIVE_FAILED ("
                + (retryLater ? "the next sweep retries" : "quarantined")
                + "): "
                + why);
  }

  /** The archived documents of a case file, by Penneo document id. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<ArchivedDocumentView> documents(long penneoId) {
    return archive.documents(penneoId).stream()
        .map(
            d ->
                new ArchivedDocumentView(
                    d.getPenneoDocumentId(),
                    d.getTitle(),
                    d.getSha256(),
                    d.getSha512(),
                    d.getSize(),
                    d.getPages(),
                    d.isSignatureValid(),
                    d.getSealReason(),
                    d.getArchivedAt(),
                    d.getPath()))
        .toList();
  }

  /** Whether the case file exists, and its state (for "archive again"). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<CaseFileState> state(long penneoId) {
    return caseFiles.byPenneoId(penneoId).map(CaseFile::getState);
  }
}
