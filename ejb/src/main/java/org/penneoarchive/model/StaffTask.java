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

/**
 * Work for records staff that a case file's events call for. One task per (kind, case file,
 * signer): repeated events do not open a second one. Who did what and when is kept.
 */
@Entity
@Table(name = "staff_task")
public class StaffTask {

  /** Why a task was opened. */
  public enum Kind {
    CASEFILE_REJECTED,
    CASEFILE_EXPIRED,
    CASEFILE_FAILED,
    SIGNER_UNDELIVERABLE,
    ARCHIVE_FAILED
  }

  /** Open until someone resolves it. */
  public enum State {
    OPEN,
    RESOLVED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_task_seq")
  @SequenceGenerator(name = "staff_task_seq", sequenceName = "staff_task_seq", allocationSize = 50)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private Kind kind;

  @Column(name = "task_key", nullable = false, unique = true, length = 200)
  private String taskKey;

  @Column(name = "case_file_penneo_id")
  private Long caseFilePenneoId;

  @Column(name = "signer_penneo_id")
  private Long signerPenneoId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private State state;

  @Column(nullable = false, length = 1000)
  private String summary;

  @Column(length = 200)
  private String assignee;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "resolved_at")
  private Instant resolvedAt;

  @Column(name = "resolved_by", length = 200)
  private String resolvedBy;

  @Version private long version;

  protected StaffTask() {}

  public StaffTask(
      Kind kind, Long caseFilePenneoId, Long signerPenneoId, String summary, Instant now) {
    this.kind = kind;
    this.caseFilePenneoId = caseFilePenneoId;
    this.signerPenneoId = signerPenneoId;
    this.taskKey = key(kind, caseFilePenneoId, signerPenneoId);
    this.state = State.OPEN;
    this.summary = summary.length() <= 1000 ? summary : summary.substring(0, 1000);
    this.createdAt = now;
    this.updatedAt = now;
  }

  public static String key(Kind kind, Long caseFilePenneoId, Long signerPenneoId) {
    return kind + "|" + caseFilePenneoId + "|" + signerPenneoId;
  }

  public void assign(String user, Instant now) {
    this.assignee = user;
    this.updatedAt = now;
  }

  public void resolve(String user, Instant now) {
    this.state = State.RESOLVED;
    this.resolvedAt = now;
    this.resolvedBy = user;
    this.updatedAt = now;
  }

  public void touched(Instant now) {
    this.updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public Kind getKind() {
    return kind;
  }

  public Long getCaseFilePenneoId() {
    return caseFilePenneoId;
  }

  public Long getSignerPenneoId() {
    return signerPenneoId;
  }

  public State getState() {
    return state;
  }

  public String getSummary() {
    return summary;
  }

  public String getAssignee() {
    return assignee;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public Instant getResolvedAt() {
    return resolvedAt;
  }

  public String getResolvedBy() {
    return resolvedBy;
  }
}
