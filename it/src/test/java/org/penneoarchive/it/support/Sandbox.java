package org.penneoarchive.it.support;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;

/** The sandbox's control API, as the tests use it. */
public final class Sandbox {

  private final URI control;

  public Sandbox(URI sandboxUrl) {
    this.control = URI.create(sandboxUrl + "/control/");
  }

  public JsonObject createCaseFile(String json) {
    var r = Http.postJson(control.resolve("casefiles"), null, json);
    if (r.statusCode() != 201) {
      throw new IllegalStateException(
          "sandbox refused a case file: " + r.statusCode() + " " + r.body());
    }
    return Http.json(r);
  }

  public JsonObject play(long caseFileId, String json) {
    var r = Http.postJson(control.resolve("casefiles/" + caseFileId + "/play"), null, json);
    if (r.statusCode() != 200) {
      throw new IllegalStateException("sandbox did not play: " + r.statusCode() + " " + r.body());
    }
    return Http.json(r);
  }

  public void sendEvent(long caseFileId, String json) {
    var r = Http.postJson(control.resolve("casefiles/" + caseFileId + "/events"), null, json);
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException("sandbox did not send: " + r.statusCode() + " " + r.body());
    }
  }

  public void delivery(String json) {
    var r =
        Http.send(
            Http.request(control.resolve("delivery"), null)
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json))
                .build());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException("sandbox refused delivery settings: " + r.body());
    }
  }

  public JsonArray deliveries() {
    var r = Http.get(control.resolve("deliveries"), null);
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(r.body()))) {
      return reader.readArray();
    }
  }

  /**
   * Whether this sandbox (not just the product's database, which outlives a redeployed sandbox) has
   * a confirmed legacy subscription of the product for the topic.
   */
  public boolean hasLegacy(String topic) {
    return subscriptions().getJsonArray("legacy").getValuesAs(JsonObject.class).stream()
        .anyMatch(
            s ->
                topic.equals(s.getString("topic", ""))
                    && s.getBoolean("confirmed", false)
                    && s.getString("endpoint", "").contains("/penneo-archive/webhooks/"));
  }

  /** Whether this sandbox has an active current-service subscription of the product. */
  public boolean hasCurrent() {
    return subscriptions().getJsonArray("current").getValuesAs(JsonObject.class).stream()
        .anyMatch(
            s ->
                s.getBoolean("isActive", false)
                    && s.getString("endpoint", "").contains("/penneo-archive/webhooks/"));
  }

  /** {@code {"legacy":[…], "current":[…]}} */
  public JsonObject subscriptions() {
    return Http.json(Http.get(control.resolve("subscriptions"), null));
  }
}
