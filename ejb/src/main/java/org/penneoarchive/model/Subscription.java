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
import java.util.Arrays;
import java.util.List;

/**
 * A webhook subscription at Penneo and the endpoint key that routes its calls here. The key is
 * stored before Penneo is called, so that a confirmation token arriving at once is never lost. The
 * secret (current service) is never returned by the API nor logged.
 */
@Entity
@Table(name = "subscription")
public class Subscription {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "subscription_seq")
  @SequenceGenerator(
      name = "subscription_seq",
      sequenceName = "subscription_seq",
      allocationSize = 50)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private WebhookService service;

  @Column(length = 32)
  private String topic;

  @Column(name = "event_types", length = 2000)
  private String eventTypes;

  @Column(name = "endpoint_key", nullable = false, length = 64, unique = true)
  private String endpointKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private SubscriptionState state;

  @Column(name = "penneo_id", length = 64)
  private String penneoId;

  @Column(length = 256)
  private String secret;

  @Column(name = "previous_secret", length = 256)
  private String previousSecret;

  @Column(name = "previous_secret_until")
  private Instant previousSecretUntil;

  @Column(name = "previous_endpoint_key", length = 64)
  private String previousEndpointKey;

  @Column(name = "pending_token", length = 512)
  private String pendingToken;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "confirmed_at")
  private Instant confirmedAt;

  @Column(name = "last_error", length = 2000)
  private String lastError;

  @Version private long version;

  protected Subscription() {}

  public Subscription(
      WebhookService service,
      String topic,
      List<String> eventTypes,
      String endpointKey,
      Instant now) {
    this.service = service;
    this.topic = topic;
    this.eventTypes =
        eventTypes == null || eventTypes.isEmpty() ? null : String.join(",", eventTypes);
    this.endpointKey = endpointKey;
    this.state = SubscriptionState.PENDING_CONFIRMATION;
    this.createdAt = now;
  }

  public Long getId() {
    return id;
  }

  public WebhookService getService() {
    return service;
  }

  public String getTopic() {
    return topic;
  }

  public List<String> getEventTypes() {
    return eventTypes == null ? List.of() : Arrays.asList(eventTypes.split(","));
  }

  public String getEndpointKey() {
    return endpointKey;
  }

  public SubscriptionState getState() {
    return state;
  }

  public String getPenneoId() {
    return penneoId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getConfirmedAt() {
    return confirmedAt;
  }

  public String getLastError() {
    return lastError;
  }

  public String getPendingToken() {
    return pendingToken;
  }

  public void registeredAtPenneo(String penneoId, String secret, boolean confirmed, Instant now) {
    this.penneoId = penneoId;
    this.secret = secret;
    if (confirmed) {
      confirmed(now);
    }
  }

  /**
   * A rotation: Penneo refuses a second subscription with the same endpoint, so the new one gets a
   * new endpoint key; the previous key and secret keep working until {@code overlapUntil}.
   */
  public void rotated(
      String newEndpointKey, String newPenneoId, String newSecret, Instant overlapUntil) {
    this.previousEndpointKey = this.endpointKey;
    this.previousSecret = this.secret;
    this.previousSecretUntil = overlapUntil;
    this.endpointKey = newEndpointKey;
    this.secret = newSecret;
    this.penneoId = newPenneoId;
  }

  public String getSecret() {
    return secret;
  }

  public String getPreviousSecret() {
    return previousSecret;
  }

  public Instant getPreviousSecretUntil() {
    return previousSecretUntil;
  }

  public String getPreviousEndpointKey() {
    return previousEndpointKey;
  }

  public void tokenReceived(String token) {
    this.pendingToken = token;
  }

  public void confirmed(Instant now) {
    this.state = SubscriptionState.ACTIVE;
    this.confirmedAt = now;
    this.pendingToken = null;
    this.lastError = null;
  }

  public void paused() {
    this.state = SubscriptionState.PAUSED;
  }

  public void resumed() {
    this.state = SubscriptionState.ACTIVE;
  }

  public void failed(String error) {
    this.state = SubscriptionState.FAILED;
    this.lastError = error;
  }

  public void noteError(String error) {
    this.lastError = error;
  }
}
