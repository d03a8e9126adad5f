package org.penneoarchive.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.penneoarchive.domain.casefile.ArchiveStatus;
import org.penneoarchive.domain.casefile.CaseFileFacts;
import org.penneoarchive.domain.casefile.CaseFileState;
import org.penneoarchive.domain.casefile.CaseFileStateMachine;

/**
 * A Penneo case file as this product knows it. Its state is never set directly: the entity keeps
 * the facts (earliest time of each outcome event, API confirmation, archive outcome) and asks
 * {@link CaseFileStateMachine} for the state, so that it depends only on the set of events.
 */
@Entity
@Table(name = "case_file")
public class CaseFile {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_file_seq")
  @SequenceGenerator(name = "case_file_seq", sequenceName = "case_file_seq", allocationSize = 50)
  private Long id;

  @Column(name = "penneo_id", nullable = false, unique = true)
  private long penneoId;

  @Column(length = 1000)
  private String title;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private CaseFileState state;

  @Column(name = "penneo_status")
  private Integer penneoStatus;

  @Column(name = "deleted_at_penneo", nullable = false)
  private boolean deletedAtPenneo;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Column(name = "completion_confirmed", nullable = false)
  private boolean completionConfirmed;

  @Column(name = "rejected_at")
  private Instant rejectedAt;

  @Column(name = "expired_at")
  private Instant expiredAt;

  @Column(name = "failed_at")
  private Instant failedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "archive_status", nullable = false, length = 16)
  private ArchiveStatus archiveStatus;

  @Column(name = "needs_enrichment", nullable = false)
  private boolean needsEnrichment;

  @Column(name = "completion_check_pending", nullable = false)
  private boolean completionCheckPending;

  @Column(name = "quarantine_reason", length = 2000)
  private String quarantineReason;

  @Column(name = "bag_path", length = 1000)
  private String bagPath;

  @Column(name = "check_attempts", nullable = false)
  private int checkAttempts;

  @Column(name = "next_check_at")
  private Instant nextCheckAt;

  @Column(name = "last_check_error", length = 1000)
  private String lastCheckError;

  @Column(name = "latest_event_time")
  private Instant latestEventTime;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_activity_at", nullable = false)
  private Instant lastActivityAt;

  @Version private long version;

  protected CaseFile() {}

  public CaseFile(long penneoId, Instant now) {
    this.penneoId = penneoId;
    this.archiveStatus = ArchiveStatus.NONE;
    this.needsEnrichment = true;
    this.nextCheckAt = now;
    this.createdAt = now;
    this.lastActivityAt = now;
    this.state = CaseFileStateMachine.stateOf(facts());
  }

  public CaseFileFacts facts() {
    return new CaseFileFacts(
        completedAt, completionConfirmed, rejectedAt, expiredAt, failedAt, archiveStatus);
  }

  private void setFacts(CaseFileFacts f) {
    completedAt = f.completedAt();
    completionConfirmed = f.completionConfirmed();
    rejectedAt = f.rejectedAt();
    expiredAt = f.expiredAt();
    failedAt = f.failedAt();
    archiveStatus = f.archiveStatus();
    state = CaseFileStateMachine.stateOf(f);
  }

  /**
   * Records a casefile-topic outcome event ({@code completed}, {@code rejected}, ...). A {@code
   * completed} event only asks for the API check: it never completes the case file by itself.
   */
  public void outcomeSeen(String eventType, Instant eventTime) {
    setFacts(facts().withOutcome(eventType, eventTime));
    if ("completed".equals(eventType) && !completionConfirmed) {
      completionCheckPending = true;
      checkAttempts = 0;
      nextCheckAt = lastActivityAt;
    }
  }

  /** Penneo's API says status 5 (completed): the case file may be archived. */
  public void completionConfirmed(Instant completedAtPenneo) {
    if (completedAt == null
        || (completedAtPenneo != null && completedAtPenneo.isBefore(completedAt))) {
      completedAt = completedAtPenneo;
    }
    setFacts(facts().withCompletionConfirmed());
    completionCheckPending = false;
  }

  /** Penneo's API says the case file is over without completing: stop asking. */
  public void completionNotConfirmed() {
    completionCheckPending = false;
  }

  /** Whether a check at Penneo is due: enrichment or the confirmation of a completion. */
  public boolean needsCheck() {
    return needsEnrichment || completionCheckPending;
  }

  /** A check ran (successfully or not); the next one, if still needed, waits until {@code next}. */
  public void checked(Instant next, String error) {
    checkAttempts = error == null ? 0 : checkAttempts + 1;
    lastCheckError = error;
    nextCheckAt = needsCheck() ? next : null;
  }

  /** Asks for a check at the next opportunity (re-check at Penneo from the console or API). */
  public void recheck(Instant now) {
    needsEnrichment = true;
    nextCheckAt = now;
  }

  public int getCheckAttempts() {
    return checkAttempts;
  }

  public String getLastCheckError() {
    return lastCheckError;
  }

  public Instant getNextCheckAt() {
    return nextCheckAt;
  }

  public void archived(String bagPath) {
    this.bagPath = bagPath;
    this.quarantineReason = null;
    setFacts(facts().withArchiveStatus(ArchiveStatus.ARCHIVED));
  }

  public void archiveFailed(String reason) {
    this.quarantineReason = reason;
    setFacts(facts().withArchiveStatus(ArchiveStatus.FAILED));
  }

  /**
   * Notes an event's time. Returns true when the event is late: a later event had already been
   * applied when it arrived.
   */
  public boolean eventArrived(Instant eventTime, Instant receivedAt) {
    lastActivityAt = receivedAt;
    if (latestEventTime != null && eventTime.isBefore(latestEventTime)) {
      return true;
    }
    latestEventTime = eventTime;
    return false;
  }

  public void enriched(String title, Integer penneoStatus) {
    if (title != null && !title.isBlank()) {
      this.title = title;
    }
    if (penneoStatus != null) {
      this.penneoStatus = penneoStatus;
    }
    this.needsEnrichment = false;
  }

  public void titleFromPayload(String title) {
    if (title != null && !title.isBlank()) {
      this.title = title;
    }
  }

  public void statusFromPayload(Integer status) {
    if (status != null) {
      this.penneoStatus = status;
    }
  }

  public void deletedAtPenneo() {
    this.deletedAtPenneo = true;
  }

  /** The API does not know the case file (deleted at Penneo): flag it, stop checking. */
  public void goneFromPenneo() {
    this.deletedAtPenneo = true;
    this.needsEnrichment = false;
    this.completionCheckPending = false;
  }

  public Long getId() {
    return id;
  }

  public long getPenneoId() {
    return penneoId;
  }

  public String getTitle() {
    return title;
  }

  public CaseFileState getState() {
    return state;
  }

  public Integer getPenneoStatus() {
    return penneoStatus;
  }

  public boolean isDeletedAtPenneo() {
    return deletedAtPenneo;
  }

  public Instant getCompletedAt() {
    return completedAt;
  }

  public boolean isCompletionCheckPending() {
    return completionCheckPending;
  }

  public boolean isNeedsEnrichment() {
    return needsEnrichment;
  }

  public String getQuarantineReason() {
    return quarantineReason;
  }

  public String getBagPath() {
    return bagPath;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getLastActivityAt() {
    return lastActivityAt;
  }
}
