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
import org.penneoarchive.domain.event.PenneoEvent;

/**
 * One distinct Penneo event on a case file's timeline. Its {@code eventKey} is the event identity
 * of CONTRACT.md, unique in the database, so that concurrent duplicates cannot both insert; each
 * repeat (retry, or the same event from the other webhook service) adds a delivery.
 */
@Entity
@Table(name = "case_file_event")
public class CaseFileEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_file_event_seq")
  @SequenceGenerator(
      name = "case_file_event_seq",
      sequenceName = "case_file_event_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "event_key", nullable = false, unique = true, length = 200)
  private String eventKey;

  @Column(nullable = false, length = 16)
  private String topic;

  @Column(name = "event_type", nullable = false, length = 64)
  private String eventType;

  @Column(name = "known_type", nullable = false)
  private boolean knownType;

  @Column(name = "case_file_penneo_id")
  private Long caseFilePenneoId;

  @Column(name = "signer_penneo_id")
  private Long signerPenneoId;

  @Column(name = "event_time", nullable = false)
  private Instant eventTime;

  @Column(name = "first_received_at", nullable = false)
  private Instant firstReceivedAt;

  @Column(nullable = false)
  private int deliveries;

  @Column(nullable = false)
  private boolean late;

  private Integer status;

  @Column(name = "x_event_id", length = 200)
  private String xEventId;

  @Column(nullable = false, length = 16)
  private String source = "webhook";

  /**
   * Two deliveries of one event may be processed at once when their ordering keys differ (a legacy
   * signer payload names no case file, the current one does): the second to commit fails and is
   * redelivered, so no repeat is lost from {@link #getDeliveries()}.
   */
  @Version private long version;

  protected CaseFileEvent() {}

  public CaseFileEvent(PenneoEvent e, boolean knownType, Instant receivedAt, String xEventId) {
    this.eventKey = e.identity().key();
    this.topic = e.topic().wireName();
    this.eventType = e.eventType();
    this.knownType = knownType;
    this.caseFilePenneoId = e.caseFileId();
    this.signerPenneoId = e.signerId();
    this.eventTime = e.eventTime();
    this.firstReceivedAt = receivedAt;
    this.deliveries = 1;
    this.status = e.status();
    this.xEventId = xEventId;
  }

  public void deliveredAgain(String xEventId) {
    deliveries++;
    if (this.xEventId == null && xEventId != null) {
      this.xEventId = xEventId;
    }
  }

  /** The event was derived from Penneo's API by reconciliation, not delivered by a webhook. */
  public void fromReconciliation() {
    this.source = "reconciliation";
  }

  public String getSource() {
    return source;
  }

  public void markLate() {
    this.late = true;
  }

  public void attachToCaseFile(long caseFilePenneoId) {
    this.caseFilePenneoId = caseFilePenneoId;
  }

  public Long getId() {
    return id;
  }

  public String getEventKey() {
    return eventKey;
  }

  public String getTopic() {
    return topic;
  }

  public String getEventType() {
    return eventType;
  }

  public boolean isKnownType() {
    return knownType;
  }

  public Long getCaseFilePenneoId() {
    return caseFilePenneoId;
  }

  public Long getSignerPenneoId() {
    return signerPenneoId;
  }

  public Instant getEventTime() {
    return eventTime;
  }

  public Instant getFirstReceivedAt() {
    return firstReceivedAt;
  }

  public int getDeliveries() {
    return deliveries;
  }

  public boolean isLate() {
    return late;
  }

  public Integer getStatus() {
    return status;
  }
}
