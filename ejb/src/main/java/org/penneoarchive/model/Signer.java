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
import org.penneoarchive.domain.signer.SignerState;

/**
 * A signer at Penneo. Its case file may be unknown until Penneo's API says it (thin payloads); its
 * state is derived from its events by {@link org.penneoarchive.domain.signer.SignerStates}.
 */
@Entity
@Table(name = "signer")
public class Signer {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "signer_seq")
  @SequenceGenerator(name = "signer_seq", sequenceName = "signer_seq", allocationSize = 50)
  private Long id;

  @Column(name = "penneo_id", nullable = false, unique = true)
  private long penneoId;

  @Column(name = "case_file_penneo_id")
  private Long caseFilePenneoId;

  @Column(length = 500)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(length = 32)
  private SignerState state;

  @Column(name = "state_time")
  private Instant stateTime;

  @Column(name = "check_attempts", nullable = false)
  private int checkAttempts;

  @Column(name = "next_check_at")
  private Instant nextCheckAt;

  @Version private long version;

  protected Signer() {}

  public Signer(long penneoId, Long caseFilePenneoId, Instant now) {
    this.penneoId = penneoId;
    this.caseFilePenneoId = caseFilePenneoId;
    this.nextCheckAt = caseFilePenneoId == null ? now : null;
  }

  /** The signer's case file is still unknown (thin payload): ask Penneo again at {@code next}. */
  public void lookupFailed(Instant next) {
    checkAttempts++;
    nextCheckAt = next;
  }

  public int getCheckAttempts() {
    return checkAttempts;
  }

  public void belongsTo(long caseFilePenneoId) {
    this.caseFilePenneoId = caseFilePenneoId;
    this.nextCheckAt = null;
  }

  public void named(String name) {
    if (name != null && !name.isBlank()) {
      this.name = name.length() <= 500 ? name : name.substring(0, 500);
    }
  }

  public void state(SignerState state, Instant at) {
    this.state = state;
    this.stateTime = at;
  }

  public long getPenneoId() {
    return penneoId;
  }

  public Long getCaseFilePenneoId() {
    return caseFilePenneoId;
  }

  public String getName() {
    return name;
  }

  public SignerState getState() {
    return state;
  }

  public Instant getStateTime() {
    return stateTime;
  }
}
