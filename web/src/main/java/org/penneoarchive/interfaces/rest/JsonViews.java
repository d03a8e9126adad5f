package org.penneoarchive.interfaces.rest;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.penneoarchive.application.casefile.CaseFileSummary;
import org.penneoarchive.application.casefile.CaseFileView;
import org.penneoarchive.application.casefile.Page;
import org.penneoarchive.application.intake.RejectedDeliveryView;
import org.penneoarchive.application.subscription.SubscriptionView;
import org.penneoarchive.domain.Jsonp;

/**
 * The API's JSON shapes (CONTRACT.md), written with JSON-P so that names and time formats are
 * exactly as documented: ISO-8601 UTC, microseconds where Penneo gave them; absent values omitted.
 */
final class JsonViews {

  private JsonViews() {}

  static JsonObject error(String error, String detail) {
    JsonObjectBuilder b = Jsonp.createObjectBuilder().add("error", error);
    put(b, "detail", detail);
    return b.build();
  }

  /** A plain acknowledgement, e.g. for 202 Accepted. */
  static JsonObject message(String status, String detail) {
    return Jsonp.createObjectBuilder().add("status", status).add("detail", detail).build();
  }

  static <T> JsonObject page(Page<T> page, Function<T, JsonObject> item) {
    JsonArrayBuilder items = Jsonp.createArrayBuilder();
    page.items().forEach(i -> items.add(item.apply(i)));
    return Jsonp.createObjectBuilder()
        .add("items", items)
        .add("page", page.page())
        .add("size", page.size())
        .add("total", page.total())
        .build();
  }

  static JsonObject subscription(SubscriptionView s) {
    JsonObjectBuilder b =
        Jsonp.createObjectBuilder()
            .add("id", s.id())
            .add("service", s.service())
            .add("state", s.state())
            .add("endpointUrl", s.endpointUrl());
    put(b, "topic", s.topic());
    if (!s.eventTypes().isEmpty()) {
      b.add("eventTypes", Jsonp.createArrayBuilder(s.eventTypes()));
    }
    put(b, "penneoId", s.penneoId());
    put(b, "createdAt", s.createdAt());
    put(b, "confirmedAt", s.confirmedAt());
    put(b, "lastNotificationAt", s.lastNotificationAt());
    put(b, "lastError", s.lastError());
    return b.build();
  }

  static JsonObject subscriptions(List<SubscriptionView> list) {
    JsonArrayBuilder items = Jsonp.createArrayBuilder();
    list.forEach(s -> items.add(subscription(s)));
    return Jsonp.createObjectBuilder()
        .add("items", items)
        .add("page", 0)
        .add("size", list.size())
        .add("total", list.size())
        .build();
  }

  static JsonObject caseFileSummary(CaseFileSummary c) {
    JsonObjectBuilder b =
        Jsonp.createObjectBuilder().add("penneoId", c.penneoId()).add("state", c.state());
    put(b, "title", c.title());
    if (c.penneoStatus() != null) {
      b.add("penneoStatus", c.penneoStatus());
    }
    put(b, "lastActivityAt", c.lastActivityAt());
    return b.build();
  }

  static JsonObject caseFile(CaseFileView c) {
    JsonObjectBuilder b =
        Jsonp.createObjectBuilder()
            .add("penneoId", c.penneoId())
            .add("state", c.state())
            .add("deletedAtPenneo", c.deletedAtPenneo());
    put(b, "title", c.title());
    if (c.penneoStatus() != null) {
      b.add("penneoStatus", c.penneoStatus());
    }
    put(b, "quarantineReason", c.quarantineReason());
    put(b, "completedAt", c.completedAt());
    put(b, "lastActivityAt", c.lastActivityAt());
    JsonArrayBuilder events = Jsonp.createArrayBuilder();
    for (var e : c.events()) {
      JsonObjectBuilder eb =
          Jsonp.createObjectBuilder()
              .add("topic", e.topic())
              .add("eventType", e.eventType())
              .add("eventTime", e.eventTime().toString())
              .add("receivedAt", e.receivedAt().toString())
              .add("deliveries", e.deliveries())
              .add("late", e.late())
              .add("knownType", e.knownType());
      if (e.signerId() != null) {
        eb.add("signerId", e.signerId());
      }
      events.add(eb);
    }
    b.add("events", events);
    JsonArrayBuilder signers = Jsonp.createArrayBuilder();
    for (var s : c.signers()) {
      JsonObjectBuilder sb = Jsonp.createObjectBuilder().add("penneoId", s.penneoId());
      put(sb, "name", s.name());
      put(sb, "state", s.state());
      signers.add(sb);
    }
    b.add("signers", signers);
    JsonArrayBuilder documents = Jsonp.createArrayBuilder();
    for (var d : c.documents()) {
      JsonObjectBuilder db =
          Jsonp.createObjectBuilder()
              .add("penneoId", d.penneoId())
              .add("sha256", d.sha256())
              .add("sha512", d.sha512())
              .add("size", d.size())
              .add("pages", d.pages())
              .add("signatureValid", d.signatureValid())
              .add("sealReason", d.sealReason())
              .add("path", d.path());
      put(db, "title", d.title());
      put(db, "archivedAt", d.archivedAt());
      documents.add(db);
    }
    b.add("documents", documents);
    put(b, "bag", c.bag());
    return b.build();
  }

  static JsonObject rejected(RejectedDeliveryView r) {
    JsonObjectBuilder b =
        Jsonp.createObjectBuilder()
            .add("id", r.id())
            .add("receivedAt", r.receivedAt().toString())
            .add("status", r.status())
            .add("reason", r.reason())
            .add("bodyBytes", r.bodyBytes());
    put(b, "endpointKey", r.endpointKey());
    put(b, "contentType", r.contentType());
    put(b, "bodyExcerpt", r.bodyExcerpt());
    return b.build();
  }

  private static void put(JsonObjectBuilder b, String name, String value) {
    if (value != null) {
      b.add(name, value);
    }
  }

  private static void put(JsonObjectBuilder b, String name, Instant value) {
    if (value != null) {
      b.add(name, value.toString());
    }
  }
}
