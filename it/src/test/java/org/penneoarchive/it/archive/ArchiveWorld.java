package org.penneoarchive.it.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.penneoarchive.it.support.Http;
import org.penneoarchive.it.support.Sandbox;

/**
 * The world an archive test works in: the product's API (as {@code it-admin}) and the sandbox's
 * control API and document downloads, on one or two servers.
 */
final class ArchiveWorld {

  final URI product;
  final URI sandbox;
  private String jwt;

  ArchiveWorld(URI product, URI sandbox) {
    this.product = product;
    this.sandbox = sandbox;
  }

  URI api(String path) {
    return URI.create(product + "/api/" + path);
  }

  URI control(String path) {
    return URI.create(sandbox + "/control/" + path);
  }

  /** A legacy casefile subscription of the product at the sandbox, confirmed (ACTIVE). */
  void subscribe() {
    // The sandbox is redeployed per test class and forgets its subscriptions; the product's
    // database does not, so ask the sandbox.
    if (new Sandbox(sandbox).hasLegacy("casefile")) {
      return;
    }
    var created =
        Http.postJson(
            api("subscriptions"), Http.ADMIN, "{\"service\":\"legacy\",\"topic\":\"casefile\"}");
    assertEquals(201, created.statusCode(), created.body());
    long id = Http.json(created).getJsonNumber("id").longValue();
    String state =
        Http.await(
            () -> Http.json(Http.get(api("subscriptions/" + id), Http.ADMIN)).getString("state"),
            "ACTIVE"::equals,
            Duration.ofSeconds(60));
    assertEquals("ACTIVE", state, "the product's legacy subscription at the sandbox");
  }

  /** A case file at the sandbox owned by the super user, with documents of these sizes. */
  JsonObject createCaseFile(String title, String documentsJson) {
    String body =
        Json.createObjectBuilder()
            .add("title", title)
            .add("signers", 2)
            .add("owner", "super")
            .build()
            .toString();
    body = body.substring(0, body.length() - 1) + ",\"documents\":" + documentsJson + "}";
    var r = Http.postJson(control("casefiles"), null, body);
    assertEquals(201, r.statusCode(), r.body());
    return Http.json(r);
  }

  void play(long caseFileId, String json) {
    var r = Http.postJson(control("casefiles/" + caseFileId + "/play"), null, json);
    assertEquals(200, r.statusCode(), r.body());
  }

  void complete(long caseFileId) {
    play(caseFileId, "{\"to\":\"completed\"}");
  }

  void faults(String json) {
    var r =
        Http.send(
            Http.request(control("faults"), null)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    assertTrue(r.statusCode() / 100 == 2, "sandbox faults " + json + ": " + r.body());
  }

  /** The case file as the product shows it, or null while it is unknown. */
  JsonObject caseFile(long id) {
    var r = Http.get(api("casefiles/" + id), Http.ADMIN);
    return r.statusCode() == 200 ? Http.json(r) : null;
  }

  String state(long id) {
    JsonObject c = caseFile(id);
    return c == null ? null : c.getString("state");
  }

  /** Waits until the case file is in one of the states; returns it. */
  JsonObject await(long id, Set<String> states, Duration timeout) {
    Http.await(() -> state(id), s -> s != null && states.contains(s), timeout);
    JsonObject c = caseFile(id);
    assertTrue(
        c != null && states.contains(c.getString("state")),
        "case file " + id + " should be in " + states + " but is " + c);
    return c;
  }

  JsonObject archived(long id) {
    return await(id, Set.of("ARCHIVED"), Duration.ofSeconds(180));
  }

  long startSweep() {
    var r =
        Http.send(
            Http.request(api("archive/runs"), Http.ADMIN)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertEquals(202, r.statusCode(), r.body());
    return Http.json(r).getJsonNumber("executionId").longValue();
  }

  /** The staff tasks opened for a case file (newest 200 tasks looked at). */
  List<JsonObject> tasks(long caseFileId) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonValue v :
        Http.json(Http.get(api("tasks?size=200"), Http.STAFF)).getJsonArray("items")) {
      JsonObject t = v.asJsonObject();
      if (t.containsKey("caseFileId") && t.getJsonNumber("caseFileId").longValue() == caseFileId) {
        out.add(t);
      }
    }
    return out;
  }

  /** Starts a fixity audit and returns it when it has ended. */
  JsonObject audit() {
    var r =
        Http.send(
            Http.request(api("archive/audits"), Http.ADMIN)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertEquals(202, r.statusCode(), r.body());
    long execution = Http.json(r).getJsonNumber("executionId").longValue();
    JsonObject audit =
        Http.await(
            () -> {
              for (JsonValue v :
                  Http.json(Http.get(api("archive/audits?size=50"), Http.STAFF))
                      .getJsonArray("items")) {
                if (v.asJsonObject().getJsonNumber("executionId").longValue() == execution) {
                  return v.asJsonObject();
                }
              }
              return null;
            },
            a -> a != null && !"RUNNING".equals(a.getString("status")),
            Duration.ofSeconds(180));
    assertTrue(audit != null, "audit " + execution + " ended");
    return audit;
  }

  /** The run of the archive job with this execution id, or null. */
  JsonObject run(long executionId) {
    for (JsonObject r : runs()) {
      if (r.getJsonNumber("executionId").longValue() == executionId) {
        return r;
      }
    }
    return null;
  }

  List<JsonObject> runs() {
    JsonArray items =
        Http.json(Http.get(api("archive/runs?size=200"), Http.STAFF)).getJsonArray("items");
    List<JsonObject> out = new ArrayList<>();
    items.forEach(v -> out.add(v.asJsonObject()));
    return out;
  }

  JsonObject awaitRunEnded(long executionId) {
    JsonObject run =
        Http.await(
            () -> run(executionId),
            r ->
                r != null
                    && Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED")
                        .contains(r.getString("status", "")),
            Duration.ofSeconds(180));
    assertTrue(run != null && run.containsKey("endedAt"), "run " + executionId + " ended: " + run);
    return run;
  }

  /** The signed PDF as the sandbox serves it (super user, JWT). */
  byte[] served(long documentId) {
    return served(documentId, false);
  }

  private byte[] served(long documentId, boolean tokenOnly) {
    if (jwt == null) {
      var r = Http.postJson(control("jwt"), null, "{\"key\":\"super-key\"}");
      assertEquals(200, r.statusCode(), r.body());
      jwt = Http.json(r).getString("token");
    }
    if (tokenOnly) {
      return null;
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sandbox + "/api/v3/documents/" + documentId + "/content"))
            .header("x-auth-token", jwt)
            .header("Accept", "application/pdf")
            .timeout(Duration.ofSeconds(120))
            .build();
    try {
      HttpResponse<byte[]> r = Http.client().send(request, HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, r.statusCode(), "sandbox download of document " + documentId);
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The SHA-256 of the signed PDF as the sandbox serves it, streamed (for large documents). */
  String servedSha256(long documentId) {
    served(0, true);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sandbox + "/api/v3/documents/" + documentId + "/content"))
            .header("x-auth-token", jwt)
            .header("Accept", "application/pdf")
            .timeout(Duration.ofMinutes(10))
            .build();
    try {
      HttpResponse<InputStream> r =
          Http.client().send(request, HttpResponse.BodyHandlers.ofInputStream());
      assertEquals(200, r.statusCode(), "sandbox download of document " + documentId);
      try (InputStream in = r.body()) {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[65536];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          d.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(d.digest());
      }
    } catch (Exception e) {
      throw new IllegalStateException("download of document " + documentId, e);
    }
  }

  /** The bag is complete and valid for an independent BagIt implementation. */
  static void assertValidBag(Path bagDir) {
    try (BagVerifier verifier = new BagVerifier()) {
      Bag bag = new BagReader().read(bagDir);
      verifier.isComplete(bag, false);
      verifier.isValid(bag, false);
    } catch (Exception e) {
      throw new AssertionError("the bag " + bagDir + " is not complete and valid: " + e, e);
    }
  }

  static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[65536];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        d.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every bag of the case file in the archive, {@code {root}/{yyyy}/{mm}/casefile-{id}}. */
  static List<Path> bagsOf(Path archiveRoot, long caseFileId) {
    if (!Files.isDirectory(archiveRoot)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(archiveRoot, 3)) {
      return all.filter(p -> p.getFileName().toString().equals("casefile-" + caseFileId))
          .filter(Files::isDirectory)
          .filter(p -> archiveRoot.relativize(p).toString().matches("\\d{4}/\\d{2}/casefile-\\d+"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The archive root of a bag at {@code root/yyyy/mm/casefile-id}. */
  static Path rootOf(Path bagDir) {
    return bagDir.getParent().getParent().getParent();
  }

  static JsonObject read(Path jsonFile) {
    try (var reader = Json.createReader(new StringReader(Files.readString(jsonFile)))) {
      return reader.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
