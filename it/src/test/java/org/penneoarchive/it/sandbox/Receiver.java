package org.penneoarchive.it.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A webhook endpoint for the tests: records every call (headers, query, raw body) and answers 200,
 * or the statuses queued with {@link #answer}.
 */
final class Receiver implements AutoCloseable {

  record Call(String path, String query, Map<String, String> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

  Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body;
          try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
          }
          Map<String, String> headers = new TreeMap<>();
          exchange
              .getRequestHeaders()
              .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(", ", v)));
          calls.add(
              new Call(
                  exchange.getRequestURI().getPath(),
                  exchange.getRequestURI().getRawQuery(),
                  headers,
                  body));
          Integer status = answers.poll();
          exchange.sendResponseHeaders(status == null ? 200 : status, -1);
          exchange.close();
        });
    server.start();
  }

  /** The endpoint URL; {@code path} tells subscriptions apart. */
  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + path);
  }

  /** The next calls are answered with these statuses, in order. */
  void answer(Integer... statuses) {
    answers.addAll(List.of(statuses));
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Waits (up to 30 s) until at least {@code n} calls match, and returns all that match. */
  List<Call> await(Predicate<Call> matching, int n) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (true) {
      List<Call> found = new ArrayList<>();
      for (Call c : calls) {
        if (matching.test(c)) {
          found.add(c);
        }
      }
      if (found.size() >= n || Instant.now().isAfter(deadline)) {
        return found;
      }
      Thread.sleep(50);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
