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
import java.time.Instant;

/**
 * A notification that kept failing and left the queue: kept with its envelope and last error until
 * an administrator replays or discards it. Nothing accepted is ever lost.
 */
@Entity
@Table(name = "dead_letter")
public class DeadLetter {

  /** Waiting for someone, put back on the queue, or discarded on purpose. */
  public enum State {
    DEAD,
    REPLAYED,
    DISCARDED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dead_letter_seq")
  @SequenceGenerator(
      name = "dead_letter_seq",
      sequenceName = "dead_letter_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "intake_id", nullable = false, unique = true, length = 200)
  private String intakeId;

  @Column(name = "subscription_id")
  private Long subscriptionId;

  @Column(nullable = false, length = 80000)
  private String envelope;

  @Column(name = "dead_lettered_at", nullable = false)
  private Instant deadLetteredAt;

  @Column(name = "last_error", length = 4000)
  private String lastError;

  private Integer attempts;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private State state;

  @Column(name = "handled_at")
  private Instant handledAt;

  @Column(name = "handled_by", length = 200)
  private String handledBy;

  protected DeadLetter() {}

  public DeadLetter(String intakeId, Long subscriptionId, String envelope) {
    this.intakeId = intakeId;
    this.subscriptionId = subscriptionId;
    this.envelope = envelope;
  }

  /** (Again) dead: after a first failure, or after a replay that failed too. */
  public void died(Instant at, String lastError, Integer attempts) {
    this.deadLetteredAt = at;
    this.lastError = lastError;
    this.attempts = attempts;
    this.state = State.DEAD;
    this.handledAt = null;
    this.handledBy = null;
  }

  public void replayed(String by, Instant at) {
    this.state = State.REPLAYED;
    this.handledBy = by;
    this.handledAt = at;
  }

  public void discarded(String by, Instant at) {
    this.state = State.DISCARDED;
    this.handledBy = by;
    this.handledAt = at;
  }

  public Long getId() {
    return id;
  }

  public String getIntakeId() {
    return intakeId;
  }

  public Long getSubscriptionId() {
    return subscriptionId;
  }

  public String getEnvelope() {
    return envelope;
  }

  public Instant getDeadLetteredAt() {
    return deadLetteredAt;
  }

  public String getLastError() {
    return lastError;
  }

  public Integer getAttempts() {
    return attempts;
  }

  public State getState() {
    return state;
  }

  public Instant getHandledAt() {
    return handledAt;
  }

  public String getHandledBy() {
    return handledBy;
  }
}
