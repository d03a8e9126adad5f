package org.penneosandbox.webhook;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;

/** A subscription of the legacy topic service: unconfirmed until its token comes back. */
public final class LegacySubscription {
  private final long id;
  private final long userId;
  private final long customerId;
  private final String topic;
  private final String endpoint;
  private final Instant created;
  private final String token;
  private volatile boolean confirmed;

  public LegacySubscription(
      long id,
      long userId,
      long customerId,
      String topic,
      String endpoint,
      Instant created,
      String token) {
    this.id = id;
    this.userId = userId;
    this.customerId = customerId;
    this.topic = topic;
    this.endpoint = endpoint;
    this.created = created;
    this.token = token;
  }

  public long id() {
    return id;
  }

  public long userId() {
    return userId;
  }

  public String topic() {
    return topic;
  }

  public String endpoint() {
    return endpoint;
  }

  public String token() {
    return token;
  }

  public boolean confirmed() {
    return confirmed;
  }

  public void confirm() {
    this.confirmed = true;
  }

  /** As Penneo answers: {@code created} is a string of Unix seconds. */
  public JsonObject toJson() {
    return Json.createObjectBuilder()
        .add("userId", userId)
        .add("customerId", customerId)
        .add("confirmed", confirmed)
        .add("id", id)
        .add("topic", topic)
        .add("endpoint", endpoint)
        .add("created", Long.toString(created.getEpochSecond()))
        .build();
  }
}
