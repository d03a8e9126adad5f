package org.penneosandbox.webhook;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Every webhook call the sandbox made (or dropped on purpose), newest last, for {@code GET
 * control/deliveries} and the page. Bounded: the oldest entries go first.
 */
public final class DeliveryLog {

  private static final int MAX_ENTRIES = 20_000;

  /**
   * One attempt.
   *
   * @param service legacy or current
   * @param status HTTP status, or null when nothing came back (dropped, refused, timed out)
   * @param outcome delivered, retrying, gave-up or dropped
   */
  public record Entry(
      long seq,
      Instant time,
      String service,
      String subscription,
      String endpoint,
      String eventType,
      String eventId,
      Long caseFileId,
      int attempt,
      Integer status,
      String outcome,
      String error) {

    public JsonObject toJson() {
      JsonObjectBuilder b =
          Json.createObjectBuilder()
              .add("seq", seq)
              .add("time", time.toString())
              .add("service", service)
              .add("subscription", subscription)
              .add("endpoint", endpoint)
              .add("eventType", eventType)
              .add("eventId", eventId)
              .add("attempt", attempt)
              .add("outcome", outcome);
      if (caseFileId == null) {
        b.addNull("caseFileId");
      } else {
        b.add("caseFileId", caseFileId);
      }
      if (status == null) {
        b.addNull("status");
      } else {
        b.add("status", status);
      }
      if (error != null) {
        b.add("error", error);
      }
      return b.build();
    }
  }

  private final Deque<Entry> entries = new ArrayDeque<>();
  private long seq;

  public synchronized Entry add(
      String service,
      String subscription,
      String endpoint,
      String eventType,
      String eventId,
      Long caseFileId,
      int attempt,
      Integer status,
      String outcome,
      String error) {
    Entry e =
        new Entry(
            ++seq,
            Instant.now(),
            service,
            subscription,
            endpoint,
            eventType,
            eventId,
            caseFileId,
            attempt,
            status,
            outcome,
            error);
    entries.addLast(e);
    if (entries.size() > MAX_ENTRIES) {
      entries.removeFirst();
    }
    return e;
  }

  public synchronized List<Entry> since(long afterSeq) {
    List<Entry> out = new ArrayList<>();
    for (Entry e : entries) {
      if (e.seq() > afterSeq) {
        out.add(e);
      }
    }
    return out;
  }

  public synchronized void clear() {
    entries.clear();
  }

  public static JsonArrayBuilder toJson(List<Entry> list) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    list.forEach(e -> a.add(e.toJson()));
    return a;
  }
}
