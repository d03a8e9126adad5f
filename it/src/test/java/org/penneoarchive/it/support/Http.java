package org.penneoarchive.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;

/**
 * A small HTTP client for black-box tests. {@code java.net.http} sends exactly the headers it is
 * given ({@code HttpURLConnection} would add a form Content-Type on its own).
 */
public final class Http {

  public static final String ADMIN = "it-admin:it-admin-pw";
  public static final String STAFF = "it-staff:it-staff-pw";
  public static final String NOBODY = "it-nobody:it-nobody-pw";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          // HTTP/1.1, as the product's PenneoClient: the default asks for an h2c upgrade, which
          // once broke a 500 MB download ("Frame type(46) … exceeds MAX_FRAME_SIZE").
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Http() {}

  /** The tests' one HTTP client (HTTP/1.1, 5 s to connect), for calls that need their own body. */
  public static HttpClient client() {
    return CLIENT;
  }

  public static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("HTTP call failed: " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static HttpRequest.Builder request(URI uri, String userPassword) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    if (userPassword != null) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8)));
    }
    return b;
  }

  public static HttpResponse<String> get(URI uri, String userPassword) {
    return send(request(uri, userPassword).GET().build());
  }

  public static HttpResponse<String> postJson(URI uri, String userPassword, String json) {
    return send(
        request(uri, userPassword)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** A webhook call: the Content-Type is sent only when not null. */
  public static HttpResponse<String> webhook(URI uri, String contentType, byte[] body) {
    HttpRequest.Builder b = request(uri, null).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b.build());
  }

  public static JsonObject json(HttpResponse<String> response) {
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    }
  }

  /** Polls until the condition holds or the timeout passes; returns the last value. */
  public static <T> T await(
      java.util.function.Supplier<T> probe, Predicate<T> done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T value = probe.get();
    while (!done.test(value) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      value = probe.get();
    }
    return value;
  }
}
