package org.penneoarchive.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * Why the archiving of a case file failed the last time, and whether a sweep may simply try again
 * ({@code retryable}: Penneo or the disk failed in passing) or the case file stays quarantined
 * until staff ask to archive it again (the PDF does not parse, is too large, a different bag is in
 * the way). Removed when the case file is archived.
 */
@Entity
@Table(name = "archive_failure")
public class ArchiveFailure {

  public static final int MAX_REASON = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "archive_failure_seq")
  @SequenceGenerator(
      name = "archive_failure_seq",
      sequenceName = "archive_failure_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "case_file_penneo_id", nullable = false, unique = true)
  private long caseFilePenneoId;

  @Column(nullable = false, length = MAX_REASON)
  private String reason;

  @Column(nullable = false)
  private boolean retryable;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "first_failed_at", nullable = false)
  private Instant firstFailedAt;

  @Column(name = "last_failed_at", nullable = false)
  private Instant lastFailedAt;

  @Column(name = "quarantine_path", length = 2000)
  private String quarantinePath;

  @Column(name = "job_execution_id")
  private Long jobExecutionId;

  @Version private long version;

  protected ArchiveFailure() {}

  public ArchiveFailure(long caseFilePenneoId, Instant now) {
    this.caseFilePenneoId = caseFilePenneoId;
    this.firstFailedAt = now;
    this.lastFailedAt = now;
    this.reason = "";
  }

  /** Another failed attempt; a quarantine path once known is kept. */
  public void failedAgain(
      String reason, boolean retryable, String quarantinePath, Long jobExecutionId, Instant now) {
    this.reason = reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    this.retryable = retryable;
    this.attempts++;
    this.lastFailedAt = now;
    if (quarantinePath != null) {
      this.quarantinePath = quarantinePath;
    }
    this.jobExecutionId = jobExecutionId;
  }

  public long getCaseFilePenneoId() {
    return caseFilePenneoId;
  }

  public String getReason() {
    return reason;
  }

  public boolean isRetryable() {
    return retryable;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getFirstFailedAt() {
    return firstFailedAt;
  }

  public Instant getLastFailedAt() {
    return lastFailedAt;
  }

  public String getQuarantinePath() {
    return quarantinePath;
  }

  public Long getJobExecutionId() {
    return jobExecutionId;
  }
}
