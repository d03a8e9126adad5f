package org.penneoarchive.it.sandbox;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.penneoarchive.it.support.Deployments;

/**
 * What a Penneo client does, written from API-FACTS.md and not from the sandbox's code: WSSE
 * headers, the OAuth api_keys grant, plain HTTP calls; and the control API.
 */
final class SandboxClient {

  static final String SUPER_KEY = "super-key";
  static final String SUPER_SECRET = "super-secret";
  static final String USER_KEY = "user-key";
  static final String USER_SECRET = "user-secret";

  final URI base = Deployments.sandboxUrl();
  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final SecureRandom random = new SecureRandom();

  URI uri(String path) {
    return URI.create(base + "/" + path);
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
  }

  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> sendBytes(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  /** {@code Authorization: WSSE profile="UsernameToken"} and {@code X-WSSE} for one request. */
  HttpRequest.Builder wsse(HttpRequest.Builder b, String key, String secret) {
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    return wsse(b, key, secret, nonce, created);
  }

  static HttpRequest.Builder wsse(
      HttpRequest.Builder b, String key, String secret, byte[] nonce, String created) {
    return b.header("Authorization", "WSSE profile=\"UsernameToken\"")
        .header(
            "X-WSSE",
            "UsernameToken Username=\""
                + key
                + "\", PasswordDigest=\""
                + digest(nonce, created, secret)
                + "\", Nonce=\""
                + Base64.getEncoder().encodeToString(nonce)
                + "\", Created=\""
                + created
                + "\"");
  }

  static String digest(byte[] nonce, String created, String secret) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(nonce);
      sha1.update(created.getBytes(StandardCharsets.UTF_8));
      sha1.update(secret.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(sha1.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The OAuth api_keys grant body, as the Postman collections build it. */
  String grantBody(String clientSecret, String key, String secret) {
    byte[] nonce = new byte[20];
    random.nextBytes(nonce);
    String created = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    return Json.createObjectBuilder()
        .add("client_id", "sandbox-client")
        .add("client_secret", clientSecret)
        .add("grant_type", "api_keys")
        .add("key", key)
        .add("nonce", Base64.getEncoder().encodeToString(nonce))
        .add("created_at", created)
        .add("digest", digest(nonce, created, secret))
        .build()
        .toString();
  }

  String accessToken(String key, String secret) throws IOException, InterruptedException {
    HttpResponse<String> r =
        send(
            request("oauth/token")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        grantBody("sandbox-client-secret", key, secret)))
                .build());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("token: " + r.statusCode() + " " + r.body());
    }
    return object(r.body()).getString("access_token");
  }

  /** A request as the super API user (WSSE). */
  HttpRequest.Builder asSuper(String path) {
    return wsse(request(path), SUPER_KEY, SUPER_SECRET);
  }

  HttpRequest.Builder asUser(String path) {
    return wsse(request(path), USER_KEY, USER_SECRET);
  }

  /** POST/PUT JSON to the control API and return the answer; fails on a non-2xx status. */
  String control(String method, String path, String json) throws IOException, InterruptedException {
    HttpResponse<String> r =
        send(
            request("control/" + path)
                .header("Content-Type", "application/json")
                .method(
                    method,
                    json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .build());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          method + " control/" + path + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  void reset() throws IOException, InterruptedException {
    control("POST", "reset", null);
  }

  JsonObject createCaseFile(String json) throws IOException, InterruptedException {
    return object(control("POST", "casefiles", json));
  }

  static JsonObject object(String json) {
    return (JsonObject) parse(json);
  }

  static JsonArray array(String json) {
    return (JsonArray) parse(json);
  }

  static JsonStructure parse(String json) {
    try (JsonReader r = Json.createReader(new StringReader(json))) {
      return r.read();
    }
  }
}
