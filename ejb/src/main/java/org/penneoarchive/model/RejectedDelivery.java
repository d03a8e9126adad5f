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
 * A refused webhook call: never enqueued, kept with its reason and the first 4 KiB of its body so
 * that an operator can see what was sent. Capped by pruning the oldest.
 */
@Entity
@Table(name = "rejected_delivery")
public class RejectedDelivery {

  public static final int EXCERPT_CHARS = 4096;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rejected_delivery_seq")
  @SequenceGenerator(
      name = "rejected_delivery_seq",
      sequenceName = "rejected_delivery_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "endpoint_key", length = 100)
  private String endpointKey;

  @Column(name = "http_status", nullable = false)
  private int httpStatus;

  @Column(nullable = false, length = 1000)
  private String reason;

  @Column(name = "content_type", length = 200)
  private String contentType;

  @Column(name = "body_bytes", nullable = false)
  private long bodyBytes;

  @Column(name = "body_excerpt", length = 4200)
  private String bodyExcerpt;

  protected RejectedDelivery() {}

  public RejectedDelivery(
      Instant receivedAt,
      String endpointKey,
      int httpStatus,
      String reason,
      String contentType,
      long bodyBytes,
      String bodyExcerpt) {
    this.receivedAt = receivedAt;
    this.endpointKey = cut(endpointKey, 100);
    this.httpStatus = httpStatus;
    this.reason = cut(reason, 1000);
    this.contentType = cut(contentType, 200);
    this.bodyBytes = bodyBytes;
    this.bodyExcerpt = cut(bodyExcerpt, EXCERPT_CHARS);
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  public Long getId() {
    return id;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }

  public String getEndpointKey() {
    return endpointKey;
  }

  public int getHttpStatus() {
    return httpStatus;
  }

  public String getReason() {
    return reason;
  }

  public String getContentType() {
    return contentType;
  }

  public long getBodyBytes() {
    return bodyBytes;
  }

  public String getBodyExcerpt() {
    return bodyExcerpt;
  }
}
