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
 * One run of the fixity-audit job: how many bags it re-hashed and how many no longer match their
 * manifests ({@link FixityFinding} says what is wrong with each).
 */
@Entity
@Table(name = "fixity_audit")
public class FixityAudit {

  /** Where an audit is. */
  public enum Status {
    RUNNING,
    COMPLETED,
    FAILED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "fixity_audit_seq")
  @SequenceGenerator(
      name = "fixity_audit_seq",
      sequenceName = "fixity_audit_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "job_execution_id", nullable = false, unique = true)
  private long jobExecutionId;

  @Column(name = "requested_by", length = 200)
  private String requestedBy;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(name = "bags_checked", nullable = false)
  private int bagsChecked;

  @Column(name = "bags_failed", nullable = false)
  private int bagsFailed;

  @Column(name = "files_checked", nullable = false)
  private long filesChecked;

  @Column(name = "bytes_checked", nullable = false)
  private long bytesChecked;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  @Version private long version;

  protected FixityAudit() {}

  public FixityAudit(long jobExecutionId, String requestedBy, Instant now) {
    this.jobExecutionId = jobExecutionId;
    this.requestedBy = requestedBy;
    this.startedAt = now;
    this.status = Status.RUNNING;
  }

  public void bagChecked(boolean ok, int files, long bytes) {
    bagsChecked++;
    if (!ok) {
      bagsFailed++;
    }
    filesChecked += files;
    bytesChecked += bytes;
  }

  public void finished(Status status, Instant now) {
    this.status = status;
    this.finishedAt = now;
  }

  public Long getId() {
    return id;
  }

  public long getJobExecutionId() {
    return jobExecutionId;
  }

  public String getRequestedBy() {
    return requestedBy;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  public int getBagsChecked() {
    return bagsChecked;
  }

  public int getBagsFailed() {
    return bagsFailed;
  }

  public long getFilesChecked() {
    return filesChecked;
  }

  public long getBytesChecked() {
    return bytesChecked;
  }

  public Status getStatus() {
    return status;
  }
}
