package org.penneoarchive.infrastructure.penneo;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A subscription of Penneo's current webhook service.
 *
 * <p>The {@link #secret()} signs the notifications; Penneo gives it when the subscription is
 * created (later reads may leave it out). {@link #toString()} never shows it.
 *
 * @param id Penneo's subscription id (a UUID-like string)
 * @param secret the signing secret, or {@code null} when the answer does not hold it
 * @param active whether Penneo sends notifications to it
 * @param eventTypes the event types it receives
 * @param endpoint the URL Penneo posts to
 * @param customerId the owning customer, or {@code null}
 */
public record Subscription(
    String id,
    String secret,
    boolean active,
    List<String> eventTypes,
    URI endpoint,
    Long customerId) {

  public Subscription {
    Objects.requireNonNull(id, "id");
    eventTypes = List.copyOf(eventTypes);
  }

  static Subscription from(PenneoCall call, JsonObject o) {
    String id = PenneoJson.stringOrNull(o, "id");
    if (id == null || id.isBlank()) {
      throw PenneoJson.invalid(call, "has no subscription 'id'");
    }
    Boolean active = PenneoJson.booleanOrNull(o, "isActive");
    return new Subscription(
        id,
        PenneoJson.stringOrNull(o, "secret"),
        active != null && active,
        PenneoJson.stringList(call, o, "eventTypes"),
        PenneoJson.uriOrNull(call, o, "endpoint"),
        PenneoJson.longOrNull(o, "customerId"));
  }

  @Override
  public String toString() {
    return "Subscription[id="
        + id
        + ", secret="
        + (secret == null ? "null" : "***")
        + ", active="
        + active
        + ", eventTypes="
        + eventTypes
        + ", endpoint="
        + endpoint
        + ", customerId="
        + customerId
        + "]";
  }
}
