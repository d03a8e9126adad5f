package org.penneoarchive.infrastructure.penneo;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A scripted stand-in for Penneo on 127.0.0.1 and an ephemeral port, for the client's unit tests.
 *
 * <p>Each route ({@code "GET /api/v3/casefiles/1"}) answers with a sequence of responders, the last
 * one repeating; every request is recorded with its headers and body so that tests can check what
 * the client sent. Unscripted routes answer {@code 599} so that a test notices them.
 */
final class FakePenneo implements AutoCloseable {

  /** One request as the fake received it. */
  record Recorded(String method, String path, String query, Headers headers, byte[] body) {
    String header(String name) {
      return headers.getFirst(name);
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Writes one answer. */
  @FunctionalInterface
  interface Responder {
    void respond(HttpExchange exchange, Recorded request) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Deque<Responder>> routes = new HashMap<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();

  FakePenneo() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Scripts a route: the responders answer in turn, the last one for every further call. */
  synchronized FakePenneo on(String method, String path, Responder... sequence) {
    routes.put(method + " " + path, new ArrayDeque<>(List.of(sequence)));
    return this;
  }

  /** Every request received, in order. */
  List<Recorded> requests() {
    return List.copyOf(requests);
  }

  /** The requests to one route. */
  List<Recorded> requests(String method, String path) {
    List<Recorded> out = new ArrayList<>();
    for (Recorded r : requests) {
      if (r.method().equals(method) && r.path().equals(path)) {
        out.add(r);
      }
    }
    return Collections.unmodifiableList(out);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    URI uri = exchange.getRequestURI();
    Recorded r =
        new Recorded(
            exchange.getRequestMethod(),
            uri.getPath(),
            uri.getRawQuery(),
            exchange.getRequestHeaders(),
            body);
    requests.add(r);
    Responder responder;
    synchronized (this) {
      Deque<Responder> sequence = routes.get(r.method() + " " + r.path());
      if (sequence == null || sequence.isEmpty()) {
        responder = json(599, "{\"error\":\"not scripted: " + r.method() + " " + r.path() + "\"}");
      } else {
        responder = sequence.size() > 1 ? sequence.poll() : sequence.peek();
      }
    }
    try {
      responder.respond(exchange, r);
    } finally {
      exchange.close();
    }
  }

  // ------------------------------------------------------------------ responders

  static Responder json(int status, String body, String... headerPairs) {
    return bytes(status, "application/json", body.getBytes(StandardCharsets.UTF_8), headerPairs);
  }

  static Responder bytes(int status, String contentType, byte[] body, String... headerPairs) {
    return (exchange, request) -> {
      Headers h = exchange.getResponseHeaders();
      if (contentType != null) {
        h.add("Content-Type", contentType);
      }
      for (int i = 0; i + 1 < headerPairs.length; i += 2) {
        h.add(headerPairs[i], headerPairs[i + 1]);
      }
      if (status == 204 || body.length == 0) {
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    };
  }

  static Responder status(int status, String... headerPairs) {
    return bytes(status, null, new byte[0], headerPairs);
  }

  /** Drops the connection without answering: the client sees a reset or an early end. */
  static Responder dropConnection() {
    return (exchange, request) -> {
      // Closing the exchange before any response line makes the server close the socket.
    };
  }

  /** Answers after a pause, to let concurrent callers pile up. */
  static Responder delayed(Duration delay, Responder then) {
    return (exchange, request) -> {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      then.respond(exchange, request);
    };
  }

  // ------------------------------------------------------------------ configuration

  static final Credentials SUBSCRIBER = new Credentials("user-key", "user-secret-0123");
  static final Credentials ARCHIVE = new Credentials("super-key", "super-secret-4567");
  static final String CLIENT_ID = "sandbox-client";
  static final String CLIENT_SECRET = "sandbox-client-secret";
  static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl";

  /** A configuration pointing every URL at this fake. */
  PenneoClientConfig.Builder config(AuthMode mode, RetryPolicy retry) {
    return PenneoClientConfig.builder()
        .apiUrl(base().resolve("/api/v3"))
        .legacyWebhookUrl(base().resolve("/api/v1/webhook/subscriptions"))
        .webhookUrl(base().resolve("/webhook/api/v1/subscriptions"))
        .oauthUrl(base().resolve("/oauth/token"))
        .mode(mode)
        .subscriber(SUBSCRIBER)
        .archiveUser(ARCHIVE)
        .oauthClient(CLIENT_ID, CLIENT_SECRET)
        .jwtToken(JWT)
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(5))
        .retry(retry);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
