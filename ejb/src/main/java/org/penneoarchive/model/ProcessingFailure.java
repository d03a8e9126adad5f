package org.penneoarchive.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The latest failure of a notification's processing, written in its own transaction (the failed one
 * rolls back), so that a dead letter can say why it died.
 */
@Entity
@Table(name = "processing_failure")
public class ProcessingFailure {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "processing_failure_seq")
  @SequenceGenerator(
      name = "processing_failure_seq",
      sequenceName = "processing_failure_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "intake_id", nullable = false, unique = true, length = 200)
  private String intakeId;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "last_error", nullable = false, length = 4000)
  private String lastError;

  @Column(name = "last_failed_at", nullable = false)
  private Instant lastFailedAt;

  protected ProcessingFailure() {}

  public ProcessingFailure(String intakeId) {
    this.intakeId = intakeId;
  }

  public void failed(String error, Instant at) {
    attempts++;
    lastError = error.length() <= 4000 ? error : error.substring(0, 4000);
    lastFailedAt = at;
  }

  public String getIntakeId() {
    return intakeId;
  }

  public int getAttempts() {
    return attempts;
  }

  public String getLastError() {
    return lastError;
  }

  public Instant getLastFailedAt() {
    return lastFailedAt;
  }
}
