package org.penneosandbox.webhook;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * A subscription of the current webhook service. Its fields are replaced together by PUT, so they
 * live in one immutable {@link Config} swapped atomically.
 */
public final class CurrentSubscription {

  public record Config(String endpoint, List<String> eventTypes, boolean active) {
    public Config {
      eventTypes = List.copyOf(eventTypes);
    }
  }

  private final String id;
  private final long userId;
  private final long customerId;
  private final String secret;
  private volatile Config config;

  public CurrentSubscription(
      String id, long userId, long customerId, String secret, Config config) {
    this.id = id;
    this.userId = userId;
    this.customerId = customerId;
    this.secret = secret;
    this.config = config;
  }

  public String id() {
    return id;
  }

  public long userId() {
    return userId;
  }

  public String secret() {
    return secret;
  }

  public Config config() {
    return config;
  }

  public void config(Config config) {
    this.config = config;
  }

  public boolean wants(String currentEventType) {
    Config c = config;
    return c.active() && c.eventTypes().contains(currentEventType);
  }

  /** Penneo returns the secret with the subscription, not only at creation. */
  public JsonObject toJson() {
    Config c = config;
    JsonArrayBuilder types = Json.createArrayBuilder();
    c.eventTypes().forEach(types::add);
    return Json.createObjectBuilder()
        .add("id", id)
        .add("customerId", customerId)
        .add("userId", userId)
        .add("isActive", c.active())
        .add("eventTypes", types)
        .add("endpoint", c.endpoint())
        .add("secret", secret)
        .build();
  }
}
