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

/** An accepted webhook call exactly as it arrived (raw body, the headers that matter, times). */
@Entity
@Table(name = "delivery")
public class Delivery {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delivery_seq")
  @SequenceGenerator(name = "delivery_seq", sequenceName = "delivery_seq", allocationSize = 50)
  private Long id;

  @Column(name = "subscription_id", nullable = false)
  private long subscriptionId;

  @Column(name = "message_id", nullable = false, unique = true, length = 200)
  private String messageId;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "processed_at", nullable = false)
  private Instant processedAt;

  @Column(name = "content_type", length = 200)
  private String contentType;

  @Column(name = "x_event_type", length = 200)
  private String xEventType;

  @Column(name = "x_event_id", length = 200)
  private String xEventId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private DeliveryOutcome outcome;

  @Column(length = 2000)
  private String detail;

  @Column(name = "event_id")
  private Long eventId;

  @Column(nullable = false, length = 70000)
  private String body;

  protected Delivery() {}

  public Delivery(
      long subscriptionId,
      String messageId,
      Instant receivedAt,
      Instant processedAt,
      String contentType,
      String xEventType,
      String xEventId,
      String body) {
    this.subscriptionId = subscriptionId;
    this.messageId = messageId;
    this.receivedAt = receivedAt;
    this.processedAt = processedAt;
    this.contentType = contentType;
    this.xEventType = xEventType;
    this.xEventId = xEventId;
    this.body = body;
  }

  public void outcome(DeliveryOutcome outcome, String detail, Long eventId) {
    this.outcome = outcome;
    this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    this.eventId = eventId;
  }

  public Long getId() {
    return id;
  }

  public long getSubscriptionId() {
    return subscriptionId;
  }

  public String getMessageId() {
    return messageId;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }

  public String getContentType() {
    return contentType;
  }

  public String getXEventType() {
    return xEventType;
  }

  public String getXEventId() {
    return xEventId;
  }

  public DeliveryOutcome getOutcome() {
    return outcome;
  }

  public String getDetail() {
    return detail;
  }

  public Long getEventId() {
    return eventId;
  }

  public String getBody() {
    return body;
  }
}
