package org.penneosandbox.faults;

import static org.penneosandbox.json.JsonBodies.fraction;
import static org.penneosandbox.json.JsonBodies.longValue;
import static org.penneosandbox.json.JsonBodies.optArray;
import static org.penneosandbox.json.JsonBodies.optObject;
import static org.penneosandbox.json.JsonBodies.optString;
import static org.penneosandbox.json.JsonBodies.strings;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Set;
import org.penneosandbox.json.ApiException;

/**
 * The whole fault setting, replaced by each {@code PUT control/faults} ({@code {}} clears all).
 *
 * <pre>{@code
 * {"api":      {"status":503, "rate":0.2, "retryAfter":2, "paths":["/api/v3/documents"]},
 *  "reset":    {"rate":0.1, "paths":[...]},
 *  "delayMs":  0,
 *  "pdf":      "truncated" | "corrupt" | null,
 *  "notReady": {"mode":"404" | "409" | "status4", "ms":10000}}
 * }</pre>
 *
 * Paths are prefixes below the context root; none means every Penneo path (never control/).
 */
public record FaultSettings(
    ApiFault api, ResetFault reset, long delayMs, String pdf, NotReady notReady) {

  /** Answer {@code status} (429 or 5xx) instead of serving, for a fraction of requests. */
  public record ApiFault(int status, double rate, int retryAfter, List<String> paths) {}

  /** Close the connection without an answer, for a fraction of requests. */
  public record ResetFault(double rate, List<String> paths) {}

  /**
   * For {@code ms} after a case file completes: its documents answer 404 or 409, or (status4) the
   * case file still shows status 4 and its documents answer 409.
   */
  public record NotReady(String mode, long ms) {}

  private static final Set<String> PDF_FAULTS = Set.of("truncated", "corrupt");
  private static final Set<String> NOT_READY_MODES = Set.of("404", "409", "status4");

  public static FaultSettings none() {
    return new FaultSettings(null, null, 0, null, null);
  }

  public static FaultSettings fromJson(JsonObject o) {
    ApiFault api =
        optObject(o, "api")
            .map(
                a -> {
                  int status = (int) longValue(a, "status", 429, 599, 503);
                  if (status != 429 && status < 500) {
                    throw ApiException.badRequest("api.status must be 429 or 500-599");
                  }
                  return new ApiFault(
                      status,
                      fraction(a, "rate", 1.0),
                      (int) longValue(a, "retryAfter", 0, 3600, 1),
                      paths(a));
                })
            .orElse(null);
    ResetFault reset =
        optObject(o, "reset")
            .map(r -> new ResetFault(fraction(r, "rate", 1.0), paths(r)))
            .orElse(null);
    String pdf = optString(o, "pdf").orElse(null);
    if (pdf != null && !PDF_FAULTS.contains(pdf)) {
      throw ApiException.badRequest("pdf must be one of " + PDF_FAULTS + " or null");
    }
    NotReady notReady =
        optObject(o, "notReady")
            .map(
                n -> {
                  String mode = optString(n, "mode").orElse("404");
                  if (!NOT_READY_MODES.contains(mode)) {
                    throw ApiException.badRequest(
                        "notReady.mode must be one of " + NOT_READY_MODES);
                  }
                  return new NotReady(mode, longValue(n, "ms", 0, 3_600_000, 10_000));
                })
            .orElse(null);
    return new FaultSettings(api, reset, longValue(o, "delayMs", 0, 60_000, 0), pdf, notReady);
  }

  private static List<String> paths(JsonObject o) {
    List<String> paths =
        optArray(o, "paths", 20).map(a -> strings(a, "paths", 200)).orElse(List.of());
    for (String p : paths) {
      if (!p.startsWith("/")) {
        throw ApiException.badRequest("paths must start with /");
      }
    }
    return paths;
  }

  public JsonObject toJson() {
    JsonObjectBuilder b = Json.createObjectBuilder();
    if (api != null) {
      b.add(
          "api",
          Json.createObjectBuilder()
              .add("status", api.status())
              .add("rate", api.rate())
              .add("retryAfter", api.retryAfter())
              .add("paths", array(api.paths())));
    }
    if (reset != null) {
      b.add(
          "reset",
          Json.createObjectBuilder().add("rate", reset.rate()).add("paths", array(reset.paths())));
    }
    b.add("delayMs", delayMs);
    if (pdf == null) {
      b.addNull("pdf");
    } else {
      b.add("pdf", pdf);
    }
    if (notReady != null) {
      b.add(
          "notReady",
          Json.createObjectBuilder().add("mode", notReady.mode()).add("ms", notReady.ms()));
    }
    return b.build();
  }

  private static JsonArrayBuilder array(List<String> items) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    items.forEach(a::add);
    return a;
  }
}
