package org.penneoarchive.infrastructure.penneo;

import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.penneoarchive.domain.Jsonp;

/**
 * Sends one logical call to Penneo: builds each attempt, authenticates it, applies the {@link
 * RetryPolicy}, bounds the body, and turns failures into {@link PenneoApiException}s that name the
 * call.
 *
 * <p>Every request of the client, the OAuth token requests included, passes through {@link
 * #execute}, which refuses any URL whose scheme, host and port are not those of a configured Penneo
 * URL. Response bodies always arrive as bounded streams ({@link StreamingBodySubscriber}); a {@link
 * Handler} decides what a final answer means, and whatever it reads before returning is covered by
 * the retries (a connection reset in the middle of a JSON body is retried like one before it).
 */
final class PenneoTransport {

  static final System.Logger LOG = System.getLogger(PenneoTransport.class.getPackageName());

  /** How much of an error body is read to quote from it. */
  static final int MAX_ERROR_BYTES = 8 * 1024;

  private static final String USER_AGENT = "penneo-archive";

  /** One HTTP request as the client wants it; each attempt is built afresh from it. */
  record Request(
      String method,
      URI uri,
      String jsonBody,
      String accept,
      boolean safeToRepeat,
      long maxBodyBytes,
      Map<String, String> headers,
      List<String> extraSecrets) {

    Request {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(accept, "accept");
      headers = Map.copyOf(headers);
      extraSecrets = List.copyOf(extraSecrets);
    }

    static Request of(String method, URI uri, long maxBodyBytes) {
      boolean safe = !method.equals("POST");
      return new Request(
          method, uri, null, "application/json", safe, maxBodyBytes, Map.of(), List.of());
    }

    Request withJsonBody(String body) {
      return new Request(
          method, uri, body, accept, safeToRepeat, maxBodyBytes, headers, extraSecrets);
    }

    Request withAccept(String value) {
      return new Request(
          method, uri, jsonBody, value, safeToRepeat, maxBodyBytes, headers, extraSecrets);
    }

    Request safeToRepeat(boolean safe) {
      return new Request(method, uri, jsonBody, accept, safe, maxBodyBytes, headers, extraSecrets);
    }

    Request withHeader(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Request(
          method, uri, jsonBody, accept, safeToRepeat, maxBodyBytes, h, extraSecrets);
    }

    /** A value sent in this request that must never appear in an error message. */
    Request withSecret(String secret) {
      List<String> s = new ArrayList<>(extraSecrets);
      s.add(secret);
      return new Request(method, uri, jsonBody, accept, safeToRepeat, maxBodyBytes, headers, s);
    }
  }

  /** A final answer from Penneo whose body has not been read yet. */
  static final class Response {
    private final HttpResponse<InputStream> raw;

    Response(HttpResponse<InputStream> raw) {
      this.raw = raw;
    }

    int status() {
      return raw.statusCode();
    }

    HttpHeaders headers() {
      return raw.headers();
    }

    InputStream body() {
      return raw.body();
    }

    URI uri() {
      return raw.uri();
    }

    /** The declared length, if the header is there and readable. */
    OptionalLong contentLength() {
      Optional<String> v = raw.headers().firstValue("Content-Length");
      if (v.isPresent()) {
        try {
          long n = Long.parseLong(v.get().trim());
          if (n >= 0) {
            return OptionalLong.of(n);
          }
        } catch (NumberFormatException e) {
          return OptionalLong.empty();
        }
      }
      return OptionalLong.empty();
    }

    void close() {
      try {
        raw.body().close();
      } catch (IOException e) {
        // Closing a body we no longer need; nothing to recover.
      }
    }
  }

  /** Interprets a final answer (one that the retry policy does not retry). */
  @FunctionalInterface
  interface Handler<T> {
    T handle(Response response) throws IOException;
  }

  private final HttpClient http;
  private final RetryPolicy retry;
  private final Duration readTimeout;
  private final SecretMasker masker;
  private final List<String> origins;

  PenneoTransport(
      HttpClient http,
      RetryPolicy retry,
      Duration readTimeout,
      SecretMasker masker,
      Collection<URI> configuredUrls) {
    this.http = Objects.requireNonNull(http, "http");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
    this.masker = Objects.requireNonNull(masker, "masker");
    List<String> o = new ArrayList<>();
    for (URI u : configuredUrls) {
      if (u != null) {
        o.add(origin(u));
      }
    }
    this.origins = List.copyOf(o);
  }

  SecretMasker masker() {
    return masker;
  }

  /** {@code scheme://host:port}, lower case, with the default port made explicit. */
  static String origin(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    if (port < 0) {
      port = scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
    }
    return scheme + "://" + host + ":" + port;
  }

  /** Whether the URL points at one of the configured Penneo hosts (scheme, host and port). */
  boolean isConfiguredOrigin(URI uri) {
    return uri.isAbsolute() && uri.getHost() != null && origins.contains(origin(uri));
  }

  /**
   * Sends the request until the answer is final or the retry policy gives up, then lets the handler
   * interpret it.
   *
   * @param auth how to authenticate each attempt, or {@code null} for none (the token request)
   * @throws PenneoUnavailableException when the attempts are exhausted on passing failures
   * @throws PenneoApiException when the handler or the authenticator refuses
   */
  <T> T execute(
      PenneoCall call,
      PenneoAuthenticator auth,
      Identity who,
      Request request,
      Handler<T> handler) {
    if (!isConfiguredOrigin(request.uri())) {
      throw new PenneoApiException(
          PenneoApiException.Kind.PERMANENT,
          call,
          "was not sent: " + origin(request.uri()) + " is not one of the configured Penneo hosts",
          null,
          null,
          null);
    }
    int attempt = 0;
    boolean reauthenticated = false;
    while (true) {
      attempt++;
      HttpRequest httpRequest = build(call, auth, who, request);
      HttpResponse<InputStream> raw;
      try {
        raw =
            http.send(
                httpRequest,
                info -> new StreamingBodySubscriber(readTimeout, request.maxBodyBytes()));
      } catch (IOException e) {
        if (retry.isRetryable(e, request.safeToRepeat()) && attempt < retry.maxAttempts()) {
          pause(call, attempt, describe(e), Optional.empty());
          continue;
        }
        throw new PenneoUnavailableException(
            call, gaveUp(attempt, describe(e)), attempt, null, null, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PenneoUnavailableException(
            call, "was interrupted while waiting for Penneo", attempt, null, null, e);
      }
      Response response = new Response(raw);
      int status = response.status();
      if (status == 401
          && auth != null
          && !reauthenticated
          && auth.onUnauthorized(who, httpRequest)) {
        // A cached token was refused: it is dropped and the call tried once more with a new one.
        response.close();
        reauthenticated = true;
        attempt--;
        LOG.log(
            Level.INFO,
            "Penneo {0}: token refused (HTTP 401); retrying with a new one",
            call.describe());
        continue;
      }
      if (retry.isRetryable(status, request.safeToRepeat())) {
        Optional<String> retryAfterHeader = response.headers().firstValue("Retry-After");
        String excerpt = excerpt(response, request);
        if (attempt < retry.maxAttempts()) {
          pause(call, attempt, "HTTP " + status, retryAfterHeader.flatMap(retry::parseRetryAfter));
          continue;
        }
        throw new PenneoUnavailableException(
            call, gaveUp(attempt, "HTTP " + status), attempt, status, excerpt, null);
      }
      try {
        return handler.handle(response);
      } catch (ResponseTooLargeException e) {
        response.close();
        throw new PenneoApiException(
            PenneoApiException.Kind.PERMANENT,
            call,
            "was refused by the client: " + e.getMessage(),
            status,
            null,
            e);
      } catch (IOException e) {
        response.close();
        if (retry.isRetryable(e, request.safeToRepeat()) && attempt < retry.maxAttempts()) {
          pause(call, attempt, "reading the answer: " + describe(e), Optional.empty());
          continue;
        }
        throw new PenneoUnavailableException(
            call, gaveUp(attempt, "reading the answer: " + describe(e)), attempt, status, null, e);
      } catch (RuntimeException e) {
        response.close();
        throw e;
      }
    }
  }

  private static String gaveUp(int attempts, String last) {
    return attempts == 1
        ? "failed: " + last
        : "gave up after " + attempts + " attempts; the last failed with " + last;
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : " (" + m + ")");
  }

  private void pause(PenneoCall call, int attempt, String reason, Optional<Duration> retryAfter) {
    Duration delay = retry.delayBeforeRetry(attempt, retryAfter);
    LOG.log(
        Level.INFO,
        "Penneo {0} failed with {1}; attempt {2} of {3} in {4} ms",
        call.describe(),
        reason,
        attempt + 1,
        retry.maxAttempts(),
        delay.toMillis());
    try {
      retry.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PenneoUnavailableException(
          call, "was interrupted while waiting to retry after " + reason, attempt, null, null, e);
    }
  }

  private HttpRequest build(
      PenneoCall call, PenneoAuthenticator auth, Identity who, Request request) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(request.uri())
            .timeout(readTimeout)
            .header("Accept", request.accept())
            .header("User-Agent", USER_AGENT);
    if (request.jsonBody() != null) {
      b.header("Content-Type", "application/json");
      b.method(
          request.method(),
          HttpRequest.BodyPublishers.ofString(request.jsonBody(), StandardCharsets.UTF_8));
    } else {
      b.method(request.method(), HttpRequest.BodyPublishers.noBody());
    }
    request.headers().forEach(b::header);
    if (auth != null) {
      try {
        auth.authenticate(b, who);
      } catch (PenneoUnavailableException e) {
        throw new PenneoUnavailableException(
            call, "could not authenticate: " + e.getMessage(), e.attempts(), null, null, e);
      } catch (PenneoApiException e) {
        throw new PenneoApiException(
            e.kind() == PenneoApiException.Kind.TRANSIENT
                ? PenneoApiException.Kind.TRANSIENT
                : PenneoApiException.Kind.PERMANENT,
            call,
            "could not authenticate: " + e.getMessage(),
            null,
            null,
            e);
      }
    }
    return b.build();
  }

  /** Reads at most {@link #MAX_ERROR_BYTES} of the body as a masked excerpt and closes it. */
  String excerpt(Response response, Request request) {
    try (InputStream in = response.body()) {
      byte[] bytes = in.readNBytes(MAX_ERROR_BYTES);
      return masker.excerpt(bytes, request.extraSecrets());
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * The exception for an answer the call did not expect: {@code 404} is {@link
   * PenneoApiException.Kind#NOT_FOUND}, {@code 5xx} is {@link PenneoUnavailableException}, any
   * other status is {@link PenneoApiException.Kind#PERMANENT}. Reads an excerpt and closes the
   * body.
   */
  PenneoApiException unexpected(PenneoCall call, Response response, Request request) {
    int status = response.status();
    String excerpt = excerpt(response, request);
    if (status == 404) {
      return new PenneoApiException(
          PenneoApiException.Kind.NOT_FOUND,
          call,
          "found nothing: Penneo answered HTTP 404",
          status,
          excerpt,
          null);
    }
    if (status >= 500) {
      return new PenneoUnavailableException(
          call, "failed: Penneo answered HTTP " + status, 1, status, excerpt, null);
    }
    if (status >= 300 && status < 400) {
      return new PenneoApiException(
          PenneoApiException.Kind.PERMANENT,
          call,
          "was redirected (HTTP " + status + "); the client follows no redirects",
          status,
          excerpt,
          null);
    }
    if (status == 401 || status == 403) {
      return new PenneoApiException(
          PenneoApiException.Kind.PERMANENT,
          call,
          "was not authorised: Penneo answered HTTP " + status,
          status,
          excerpt,
          null);
    }
    return new PenneoApiException(
        PenneoApiException.Kind.PERMANENT,
        call,
        "was refused: Penneo answered HTTP " + status,
        status,
        excerpt,
        null);
  }

  /**
   * Reads the body as one JSON value, refusing more than {@code maxBytes}.
   *
   * @throws ResponseTooLargeException when the body (or its declared length) is over the limit
   * @throws PenneoApiException when the body is empty or not JSON
   */
  JsonStructure readJson(PenneoCall call, Response response, long maxBytes) throws IOException {
    OptionalLong declared = response.contentLength();
    if (declared.isPresent() && declared.getAsLong() > maxBytes) {
      response.close();
      throw new ResponseTooLargeException(maxBytes);
    }
    byte[] bytes;
    try (InputStream in = response.body()) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    }
    if (bytes.length > maxBytes) {
      throw new ResponseTooLargeException(maxBytes);
    }
    int start = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xef
        && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf) {
      start = 3;
    }
    if (bytes.length - start == 0) {
      throw new PenneoApiException(
          PenneoApiException.Kind.PERMANENT,
          call,
          "got an empty answer where JSON was expected",
          response.status(),
          null,
          null);
    }
    try (JsonReader reader =
        Jsonp.PROVIDER.createReader(new ByteArrayInputStream(bytes, start, bytes.length - start))) {
      return reader.read();
    } catch (JsonParsingException e) {
      // No excerpt: a malformed success body may still hold a secret (a subscription's).
      JsonLocation at = e.getLocation();
      throw new PenneoApiException(
          PenneoApiException.Kind.PERMANENT,
          call,
          "got an answer that is not valid JSON"
              + (at == null
                  ? ""
                  : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")"),
          response.status(),
          null,
          e);
    } catch (JsonException e) {
      throw new PenneoApiException(
          PenneoApiException.Kind.PERMANENT,
          call,
          "got an answer that is not valid JSON",
          response.status(),
          null,
          e);
    }
  }
}
