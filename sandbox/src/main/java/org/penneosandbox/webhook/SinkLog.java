package org.penneosandbox.webhook;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Calls received by {@code control/sink}: a webhook endpoint inside the sandbox itself, for the
 * Postman run and quick manual tries (the product has its own receiver). Bounded.
 */
public final class SinkLog {
  private static final int MAX = 1000;

  private final Deque<JsonObject> entries = new ArrayDeque<>();

  public synchronized void add(String query, Map<String, String> headers, String body) {
    JsonObjectBuilder h = Json.createObjectBuilder();
    headers.forEach(h::add);
    JsonObjectBuilder e =
        Json.createObjectBuilder()
            .add("time", Instant.now().toString())
            .add("headers", h)
            .add("body", body);
    if (query == null) {
      e.addNull("query");
    } else {
      e.add("query", query);
    }
    entries.addLast(e.build());
    if (entries.size() > MAX) {
      entries.removeFirst();
    }
  }

  public synchronized JsonArrayBuilder toJson() {
    JsonArrayBuilder a = Json.createArrayBuilder();
    entries.forEach(a::add);
    return a;
  }

  public synchronized void clear() {
    entries.clear();
  }
}
