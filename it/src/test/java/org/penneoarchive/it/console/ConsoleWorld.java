package org.penneoarchive.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import org.openqa.selenium.Cookie;
import org.penneoarchive.it.support.Deployments;
import org.penneoarchive.it.support.Http;
import org.penneoarchive.it.support.Sandbox;

/**
 * What the console tests need beside the browser: case files played at the sandbox, the product's
 * API to wait for their state (as {@code it-admin}), the sandbox's document downloads, and
 * downloads through the console with the browser's own session.
 */
final class ConsoleWorld {

  final Sandbox sandbox = new Sandbox(Deployments.sandboxUrl());
  private String jwt;

  /** A legacy subscription created on the console's page, once Penneo has confirmed it. */
  long subscribe(ConsoleBrowser browser, String topic) {
    long id = Subscriptions.createLegacy(browser, topic);
    String state =
        Http.await(
            () -> Http.json(Http.get(api("subscriptions/" + id), Http.ADMIN)).getString("state"),
            "ACTIVE"::equals,
            Duration.ofSeconds(60));
    assertEquals("ACTIVE", state, "subscription " + id + " confirmed by the sandbox");
    return id;
  }

  /** A case file at the sandbox owned by the archive user, with documents of these sizes. */
  JsonObject createCaseFile(String title, String documentsJson) {
    return sandbox.createCaseFile(
        "{\"title\":\""
            + title
            + "\",\"signers\":2,\"owner\":\"super\",\"documents\":"
            + documentsJson
            + "}");
  }

  URI api(String path) {
    return URI.create(Deployments.productUrl() + "/api/" + path);
  }

  /** The case file as the product's API shows it, or null while unknown. */
  JsonObject caseFile(long id) {
    var r = Http.get(api("casefiles/" + id), Http.ADMIN);
    return r.statusCode() == 200 ? Http.json(r) : null;
  }

  JsonObject await(long id, Set<String> states, Duration timeout) {
    JsonObject c =
        Http.await(
            () -> caseFile(id), x -> x != null && states.contains(x.getString("state")), timeout);
    assertTrue(
        c != null && states.contains(c.getString("state")),
        "case file " + id + " should be in " + states + " but is " + c);
    return c;
  }

  void faults(String json) {
    var r =
        Http.send(
            Http.request(URI.create(Deployments.sandboxUrl() + "/control/faults"), null)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    assertTrue(r.statusCode() / 100 == 2, "sandbox faults " + json + ": " + r.body());
  }

  /** The signed PDF as the sandbox serves it to the archive user. */
  byte[] served(long documentId) {
    if (jwt == null) {
      var r =
          Http.postJson(
              URI.create(Deployments.sandboxUrl() + "/control/jwt"),
              null,
              "{\"key\":\"super-key\"}");
      assertEquals(200, r.statusCode(), r.body());
      jwt = Http.json(r).getString("token");
    }
    return bytes(
        HttpRequest.newBuilder(
                URI.create(
                    Deployments.sandboxUrl() + "/api/v3/documents/" + documentId + "/content"))
            .header("x-auth-token", jwt)
            .header("Accept", "application/pdf")
            .timeout(Duration.ofSeconds(120))
            .build(),
        "sandbox download of document " + documentId);
  }

  /** A console link followed with the browser's session (its cookie), as the browser would. */
  static byte[] download(ConsoleBrowser browser, String absoluteUrl) {
    Cookie session = browser.driver.manage().getCookieNamed("JSESSIONID");
    assertTrue(session != null, "the browser has a session");
    return bytes(
        HttpRequest.newBuilder(URI.create(absoluteUrl))
            .header("Cookie", "JSESSIONID=" + session.getValue())
            .timeout(Duration.ofSeconds(120))
            .build(),
        "console download " + absoluteUrl);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(HttpRequest request, String what) {
    try {
      HttpResponse<byte[]> r = Http.client().send(request, HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, r.statusCode(), what);
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
