package org.penneoarchive.infrastructure.penneo;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.penneoarchive.domain.Jsonp;

/**
 * The one way the product talks to Penneo: webhook subscriptions (legacy and current service), case
 * files, documents and signers of the REST API v3, and the signed PDFs.
 *
 * <p>Thread-safe; meant to be created once per configuration and shared, as it holds one {@link
 * HttpClient} (HTTP/1.1, connect time-out, no redirects followed) and the OAuth token cache.
 * Subscription calls run as {@link Identity#SUBSCRIBER}, REST and document calls as {@link
 * Identity#ARCHIVE} (the super API user, who sees every case file and the full payloads).
 *
 * <p>Every call: authenticates per {@link PenneoClientConfig#mode()}; is retried per the {@link
 * RetryPolicy}; reads at most {@link PenneoClientConfig.Limits#maxJsonBytes()} of JSON and streams
 * documents; calls only the configured hosts, even when Penneo's {@code Link} header points
 * elsewhere; logs its name and the id it is about (INFO for changes, DEBUG — JUL FINE — for reads),
 * never a secret; and fails with a {@link PenneoApiException} naming the call and the id.
 */
public final class PenneoClient {

  private static final System.Logger LOG = PenneoTransport.LOG;
  private static final Pattern SUBSCRIPTION_ID = Pattern.compile("[A-Za-z0-9._~-]{1,128}");
  private static final String JSON = "application/json";
  private static final long SMALL_JSON = 64 * 1024;

  private final PenneoClientConfig config;
  private final PenneoClientConfig.Limits limits;
  private final PenneoTransport transport;
  private final PenneoAuthenticator auth;

  /**
   * A client for the configuration, with its own {@link HttpClient}.
   *
   * @param config validated configuration (see {@link PenneoClientConfig#builder()})
   */
  public PenneoClient(PenneoClientConfig config) {
    this(config, newHttpClient(config), new SecureRandom(), InstantSource.system());
  }

  PenneoClient(
      PenneoClientConfig config, HttpClient http, SecureRandom random, InstantSource clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.limits = config.limits();
    List<String> secrets = new ArrayList<>();
    for (Credentials c : new Credentials[] {config.subscriber(), config.archiveUser()}) {
      if (c != null) {
        secrets.add(c.secret());
      }
    }
    secrets.add(config.oauthClientSecret());
    secrets.add(config.jwtToken());
    List<URI> hosts = new ArrayList<>();
    hosts.add(config.apiUrl());
    hosts.add(config.legacyWebhookUrl());
    hosts.add(config.webhookUrl());
    hosts.add(config.oauthUrl());
    this.transport =
        new PenneoTransport(
            http,
            config.retry(),
            config.readTimeout(),
            new SecretMasker(secrets.stream().filter(Objects::nonNull).toList()),
            hosts);
    switch (config.mode()) {
      case WSSE:
        this.auth = new WsseAuthenticator(config.subscriber(), config.archiveUser(), random, clock);
        break;
      case OAUTH:
        this.auth = new OAuthApiKeysAuthenticator(config, transport, random, clock);
        break;
      case JWT:
        this.auth = new JwtAuthenticator(config.jwtToken());
        break;
      default:
        throw new IllegalStateException("Unknown auth mode " + config.mode());
    }
  }

  static HttpClient newHttpClient(PenneoClientConfig config) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(config.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** The configuration this client was built with. */
  public PenneoClientConfig config() {
    return config;
  }

  // ---------------------------------------------------------------- legacy subscriptions

  /**
   * Subscribes an endpoint to a topic of the legacy service; Penneo then posts a confirmation token
   * to the endpoint (see {@link #confirmLegacySubscription}).
   *
   * @param topic {@code casefile} or {@code signer}
   * @param endpoint the absolute http(s) URL Penneo will post to
   * @throws SubscriptionConflictException when Penneo answers {@code 409}
   */
  public LegacySubscription createLegacySubscription(String topic, URI endpoint) {
    requireToken(topic, "topic");
    requireEndpoint(endpoint);
    PenneoCall call = PenneoCall.of("createLegacySubscription");
    LOG.log(Level.INFO, "Penneo {0}: topic {1}", call.name(), topic);
    String body =
        Jsonp.PROVIDER
            .createObjectBuilder()
            .add("topic", topic)
            .add("endpoint", endpoint.toString())
            .build()
            .toString();
    PenneoTransport.Request request =
        PenneoTransport.Request.of("POST", config.legacyWebhookUrl(), SMALL_JSON)
            .withJsonBody(body);
    return send(
        call,
        Identity.SUBSCRIBER,
        request,
        r -> {
          if (r.status() == 409) {
            throw new SubscriptionConflictException(call, transport.excerpt(r, request));
          }
          requireStatus(call, r, request, 200, 201);
          return LegacySubscription.from(call, object(call, r, SMALL_JSON));
        });
  }

  /**
   * Confirms a legacy subscription with the token Penneo posted to its endpoint.
   *
   * @param token the token as received (never logged)
   * @throws PenneoApiException {@link PenneoApiException.Kind#PERMANENT} when Penneo refuses the
   *     token, {@link PenneoApiException.Kind#NOT_FOUND} when it does not know the subscription
   */
  public void confirmLegacySubscription(long id, String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("The confirmation token is blank");
    }
    PenneoCall call = PenneoCall.subscription("confirmLegacySubscription", Long.toString(id));
    LOG.log(Level.INFO, "Penneo {0}", call.describe());
    String body = Jsonp.PROVIDER.createObjectBuilder().add("token", token).build().toString();
    PenneoTransport.Request request =
        PenneoTransport.Request.of(
                "POST", child(config.legacyWebhookUrl(), Long.toString(id), "confirm"), SMALL_JSON)
            .withJsonBody(body)
            .withSecret(token);
    send(call, Identity.SUBSCRIBER, request, r -> expectSuccess(call, r, request));
  }

  /** Asks Penneo to send a test notification to a legacy subscription's endpoint. */
  public void testLegacySubscription(long id) {
    PenneoCall call = PenneoCall.subscription("testLegacySubscription", Long.toString(id));
    LOG.log(Level.INFO, "Penneo {0}", call.describe());
    PenneoTransport.Request request =
        PenneoTransport.Request.of(
                "POST", child(config.legacyWebhookUrl(), Long.toString(id), "test"), SMALL_JSON)
            .safeToRepeat(true);
    send(call, Identity.SUBSCRIBER, request, r -> expectSuccess(call, r, request));
  }

  /**
   * Deletes a legacy subscription.
   *
   * @return {@code false} when Penneo did not know it (already gone)
   */
  public boolean deleteLegacySubscription(long id) {
    PenneoCall call = PenneoCall.subscription("deleteLegacySubscription", Long.toString(id));
    LOG.log(Level.INFO, "Penneo {0}", call.describe());
    return delete(call, child(config.legacyWebhookUrl(), Long.toString(id)));
  }

  /** The subscribing user's legacy subscriptions. */
  public List<LegacySubscription> listLegacySubscriptions() {
    PenneoCall call = PenneoCall.of("listLegacySubscriptions");
    LOG.log(Level.DEBUG, "Penneo {0}", call.name());
    PenneoTransport.Request request =
        PenneoTransport.Request.of("GET", config.legacyWebhookUrl(), limits.maxJsonBytes());
    return send(
        call,
        Identity.SUBSCRIBER,
        request,
        r -> {
          requireStatus(call, r, request, 200);
          List<LegacySubscription> out = new ArrayList<>();
          for (JsonValue v : PenneoJson.items(call, json(call, r))) {
            out.add(LegacySubscription.from(call, PenneoJson.itemObject(call, v)));
          }
          return List.copyOf(out);
        });
  }

  // ---------------------------------------------------------------- current subscriptions

  /**
   * Creates a subscription of the current service; the answer holds the signing secret.
   *
   * @throws SubscriptionConflictException when the account already has one for the endpoint
   */
  public Subscription createSubscription(List<String> eventTypes, URI endpoint, boolean active) {
    String body = subscriptionBody(eventTypes, endpoint, active);
    PenneoCall call = PenneoCall.of("createSubscription");
    LOG.log(Level.INFO, "Penneo {0}: {1} event types", call.name(), eventTypes.size());
    PenneoTransport.Request request =
        PenneoTransport.Request.of("POST", config.webhookUrl(), SMALL_JSON).withJsonBody(body);
    return send(
        call,
        Identity.SUBSCRIBER,
        request,
        r -> {
          if (r.status() == 409) {
            throw new SubscriptionConflictException(call, transport.excerpt(r, request));
          }
          requireStatus(call, r, request, 201, 200);
          Subscription s = Subscription.from(call, object(call, r, SMALL_JSON));
          transport.masker().add(s.secret());
          return s;
        });
  }

  /** One subscription of the current service; empty when Penneo does not know it. */
  public Optional<Subscription> getSubscription(String id) {
    requireSubscriptionId(id);
    PenneoCall call = PenneoCall.subscription("getSubscription", id);
    LOG.log(Level.DEBUG, "Penneo {0}", call.describe());
    PenneoTransport.Request request =
        PenneoTransport.Request.of("GET", child(config.webhookUrl(), id), SMALL_JSON);
    return send(
        call,
        Identity.SUBSCRIBER,
        request,
        r -> {
          if (r.status() == 404) {
            r.close();
            return Optional.empty();
          }
          requireStatus(call, r, request, 200);
          Subscription s = Subscription.from(call, object(call, r, SMALL_JSON));
          transport.masker().add(s.secret());
          return Optional.of(s);
        });
  }

  /** The subscribing user's subscriptions of the current service ({@code {"items":[…]}}). */
  public List<Subscription> listSubscriptions() {
    PenneoCall call = PenneoCall.of("listSubscriptions");
    LOG.log(Level.DEBUG, "Penneo {0}", call.name());
    PenneoTransport.Request request =
        PenneoTransport.Request.of("GET", config.webhookUrl(), limits.maxJsonBytes());
    return send(
        call,
        Identity.SUBSCRIBER,
        request,
        r -> {
          requireStatus(call, r, request, 200);
          List<Subscription> out = new ArrayList<>();
          for (JsonValue v : PenneoJson.items(call, json(call, r))) {
            Subscription s = Subscription.from(call, PenneoJson.itemObject(call, v));
            transport.masker().add(s.secret());
            out.add(s);
          }
          return List.copyOf(out);
        });
  }

  /**
   * Replaces a subscription as a whole ({@code PUT}: what is left out is cleared), e.g. to pause it
   * with {@code active = false}.
   *
   * @return Penneo's answer, or what was sent when Penneo answers {@code 204} (without the secret)
   * @throws PenneoApiException {@link PenneoApiException.Kind#NOT_FOUND} when Penneo does not know
   *     it
   */
  public Subscription replaceSubscription(
      String id, List<String> eventTypes, URI endpoint, boolean active) {
    requireSubscriptionId(id);
    String body = subscriptionBody(eventTypes, endpoint, active);
    PenneoCall call = PenneoCall.subscription("replaceSubscription", id);
    LOG.log(Level.INFO, "Penneo {0}: active {1}", call.describe(), active);
    PenneoTransport.Request request =
        PenneoTransport.Request.of("PUT", child(config.webhookUrl(), id), SMALL_JSON)
            .withJsonBody(body);
    return send(
        call,
        Identity.SUBSCRIBER,
        request,
        r -> {
          if (r.status() == 204) {
            r.close();
            return new Subscription(id, null, active, eventTypes, endpoint, null);
          }
          if (r.status() == 409) {
            throw new SubscriptionConflictException(call, transport.excerpt(r, request));
          }
          requireStatus(call, r, request, 200);
          Subscription s = Subscription.from(call, object(call, r, SMALL_JSON));
          transport.masker().add(s.secret());
          return s;
        });
  }

  /**
   * Deletes a subscription of the current service.
   *
   * @return {@code false} when Penneo did not know it (already gone)
   */
  public boolean deleteSubscription(String id) {
    requireSubscriptionId(id);
    PenneoCall call = PenneoCall.subscription("deleteSubscription", id);
    LOG.log(Level.INFO, "Penneo {0}", call.describe());
    return delete(call, child(config.webhookUrl(), id));
  }

  /**
   * Asks Penneo to send {@code webhook.subscription.test} to every active subscription of the
   * account that includes it ({@code POST …/subscriptions/test}, answered {@code 204}).
   */
  public void sendTestNotification() {
    PenneoCall call = PenneoCall.of("sendTestNotification");
    LOG.log(Level.INFO, "Penneo {0}", call.name());
    PenneoTransport.Request request =
        PenneoTransport.Request.of("POST", child(config.webhookUrl(), "test"), SMALL_JSON)
            .withJsonBody("{}")
            .safeToRepeat(true);
    send(call, Identity.SUBSCRIBER, request, r -> expectSuccess(call, r, request));
  }

  // ---------------------------------------------------------------- REST API v3

  /**
   * A case file as Penneo has it now.
   *
   * @return empty when Penneo answers {@code 404} (unknown or deleted)
   */
  public Optional<CaseFileInfo> getCaseFile(long id) {
    PenneoCall call = PenneoCall.caseFile("getCaseFile", id);
    LOG.log(Level.DEBUG, "Penneo {0}", call.describe());
    PenneoTransport.Request request =
        PenneoTransport.Request.of(
            "GET", child(config.apiUrl(), "casefiles", Long.toString(id)), limits.maxJsonBytes());
    return send(
        call,
        Identity.ARCHIVE,
        request,
        r -> {
          if (r.status() == 404) {
            r.close();
            return Optional.empty();
          }
          requireStatus(call, r, request, 200);
          CaseFileInfo info = CaseFileInfo.from(call, object(call, r, limits.maxJsonBytes()));
          if (info.id() != id) {
            throw PenneoJson.invalid(call, "describes case file " + info.id() + " instead");
          }
          return Optional.of(info);
        });
  }

  /**
   * The documents of a case file, all pages.
   *
   * @throws PenneoApiException {@link PenneoApiException.Kind#NOT_FOUND} for an unknown case file
   */
  public List<DocumentInfo> getCaseFileDocuments(long caseFileId) {
    return children(
        "getCaseFileDocuments",
        caseFileId,
        "documents",
        (call, o) -> DocumentInfo.from(call, o, caseFileId));
  }

  /**
   * The signers of a case file, all pages.
   *
   * @throws PenneoApiException {@link PenneoApiException.Kind#NOT_FOUND} for an unknown case file
   */
  public List<SignerInfo> getCaseFileSigners(long caseFileId) {
    return children(
        "getCaseFileSigners",
        caseFileId,
        "signers",
        (call, o) -> SignerInfo.from(call, o, caseFileId));
  }

  /** Every item of a case file's child list ({@code casefiles/{id}/{child}}), all pages. */
  private <T> List<T> children(
      String name,
      long caseFileId,
      String child,
      java.util.function.BiFunction<PenneoCall, jakarta.json.JsonObject, T> item) {
    PenneoCall call = PenneoCall.caseFile(name, caseFileId);
    LOG.log(Level.DEBUG, "Penneo {0}", call.describe());
    List<T> out = new ArrayList<>();
    forEachItem(
        call,
        child(config.apiUrl(), "casefiles", Long.toString(caseFileId), child),
        o -> out.add(item.apply(call, o)));
    return List.copyOf(out);
  }

  /**
   * One signer, with the case file it belongs to ({@code GET signers/{id}}); used to place a signer
   * event whose payload lacks the case file.
   *
   * @return empty when Penneo answers {@code 404}
   */
  public Optional<SignerInfo> getSigner(long signerId) {
    PenneoCall call = PenneoCall.signer("getSigner", signerId);
    LOG.log(Level.DEBUG, "Penneo {0}", call.describe());
    PenneoTransport.Request request =
        PenneoTransport.Request.of(
            "GET",
            child(config.apiUrl(), "signers", Long.toString(signerId)),
            limits.maxJsonBytes());
    return send(
        call,
        Identity.ARCHIVE,
        request,
        r -> {
          if (r.status() == 404) {
            r.close();
            return Optional.empty();
          }
          requireStatus(call, r, request, 200);
          SignerInfo info = SignerInfo.from(call, object(call, r, limits.maxJsonBytes()), null);
          if (info.id() != signerId) {
            throw PenneoJson.invalid(call, "describes signer " + info.id() + " instead");
          }
          return Optional.of(info);
        });
  }

  /**
   * Hands every case file with the status to {@code action}, page by page ({@code
   * casefiles?status=…}, {@code x-paginate: true}, following {@code Link: rel="next"}), so that
   * reconciliation never holds more than one page.
   *
   * <p>A next-page link to any host other than the configured API's is refused, as is a listing
   * longer than {@link PenneoClientConfig.Limits#maxPages()} pages or one that loops; the case
   * files handed out before such an error stay handed out.
   *
   * @param status the case-file status code, e.g. {@link CaseFileInfo#COMPLETED}
   * @return how many case files were handed out
   */
  public long forEachCaseFile(int status, Consumer<CaseFileInfo> action) {
    Objects.requireNonNull(action, "action");
    if (status < 0) {
      throw new IllegalArgumentException("A case-file status is never negative, but was " + status);
    }
    PenneoCall call = new PenneoCall("forEachCaseFile", "status", Integer.toString(status));
    LOG.log(Level.INFO, "Penneo {0}", call.describe());
    URI first =
        URI.create(
            child(config.apiUrl(), "casefiles")
                + "?status="
                + status
                + "&per_page="
                + limits.pageSize());
    return forEachItem(call, first, o -> action.accept(CaseFileInfo.from(call, o)));
  }

  // ---------------------------------------------------------------- documents

  /**
   * Opens the signed PDF of a document ({@code GET documents/{id}/content}, {@code Accept:
   * application/pdf}) for streaming. Retries cover getting the answer, not the body: a failure in
   * the middle surfaces as an {@link IOException} from the stream.
   *
   * @return the open download; the caller reads and closes it
   * @throws PenneoApiException {@link PenneoApiException.Kind#NOT_FOUND} for an unknown document;
   *     {@link PenneoApiException.Kind#PERMANENT} when the answer is not a document or announces
   *     more than {@link PenneoClientConfig.Limits#maxDocumentBytes()}
   */
  public DocumentDownload openDocumentContent(long documentId) {
    PenneoCall call = PenneoCall.document("openDocumentContent", documentId);
    LOG.log(Level.DEBUG, "Penneo {0}", call.describe());
    PenneoTransport.Request request =
        PenneoTransport.Request.of(
                "GET",
                child(config.apiUrl(), "documents", Long.toString(documentId), "content"),
                limits.maxDocumentBytes())
            .withAccept("application/pdf");
    return send(
        call,
        Identity.ARCHIVE,
        request,
        r -> {
          requireStatus(call, r, request, 200);
          OptionalLong length = r.contentLength();
          if (length.isPresent() && length.getAsLong() > limits.maxDocumentBytes()) {
            r.close();
            throw new ResponseTooLargeException(limits.maxDocumentBytes());
          }
          String type = r.headers().firstValue("Content-Type").orElse(null);
          if (type != null) {
            String t = type.toLowerCase(Locale.ROOT);
            if (t.startsWith("text/") || t.contains("json")) {
              throw new PenneoApiException(
                  PenneoApiException.Kind.PERMANENT,
                  call,
                  "got " + type + " instead of a document",
                  200,
                  transport.excerpt(r, request),
                  null);
            }
          }
          return new DocumentDownload(documentId, r.body(), length, type);
        });
  }

  /**
   * Opens a document through Penneo's legacy {@code GET documents/{id}/pdf}, whose answer is a JSON
   * array holding the PDF as base64; the stream returned decodes it as it arrives (see {@link
   * LegacyPdfBodyStream}). A fallback for when {@link #openDocumentContent} is not served.
   *
   * @return the PDF's bytes; the caller reads and closes the stream
   */
  public InputStream openLegacyPdf(long documentId) {
    PenneoCall call = PenneoCall.document("openLegacyPdf", documentId);
    LOG.log(Level.DEBUG, "Penneo {0}", call.describe());
    long max = limits.maxDocumentBytes();
    long encodedMax = max > (Long.MAX_VALUE / 2) ? Long.MAX_VALUE : (max / 3 + 1) * 4 + 65_536;
    PenneoTransport.Request request =
        PenneoTransport.Request.of(
            "GET",
            child(config.apiUrl(), "documents", Long.toString(documentId), "pdf"),
            encodedMax);
    return send(
        call,
        Identity.ARCHIVE,
        request,
        r -> {
          requireStatus(call, r, request, 200);
          OptionalLong length = r.contentLength();
          if (length.isPresent() && length.getAsLong() > encodedMax) {
            r.close();
            throw new ResponseTooLargeException(encodedMax);
          }
          try {
            return LegacyPdfBodyStream.decoding(r.body());
          } catch (LegacyPdfBodyStream.MalformedStartException e) {
            throw PenneoJson.invalid(call, "is not a JSON array starting with a base64 string");
          }
        });
  }

  // ---------------------------------------------------------------- plumbing

  private <T> T send(
      PenneoCall call,
      Identity who,
      PenneoTransport.Request request,
      PenneoTransport.Handler<T> handler) {
    return transport.execute(call, auth, who, request, handler);
  }

  private boolean delete(PenneoCall call, URI uri) {
    PenneoTransport.Request request = PenneoTransport.Request.of("DELETE", uri, SMALL_JSON);
    return send(
        call,
        Identity.SUBSCRIBER,
        request,
        r -> {
          if (r.status() == 404) {
            r.close();
            return false;
          }
          expectSuccess(call, r, request);
          return true;
        });
  }

  private record Page(JsonArray items, Optional<URI> next) {}

  /** Fetches every page of a list, handing each item to {@code action} as its page arrives. */
  private long forEachItem(PenneoCall call, URI first, Consumer<JsonObject> action) {
    URI next = first;
    Set<URI> seen = new HashSet<>();
    long count = 0;
    int pages = 0;
    while (next != null) {
      if (!seen.add(next)) {
        throw PenneoJson.invalid(call, "links back to a page already read; stopped");
      }
      if (++pages > limits.maxPages()) {
        throw new PenneoApiException(
            PenneoApiException.Kind.PERMANENT,
            call,
            "was stopped: the listing has more than " + limits.maxPages() + " pages",
            null,
            null,
            null);
      }
      URI pageUri = next;
      PenneoTransport.Request request =
          PenneoTransport.Request.of("GET", pageUri, limits.maxJsonBytes())
              .withHeader("x-paginate", "true");
      Page page =
          send(
              call,
              Identity.ARCHIVE,
              request,
              r -> {
                requireStatus(call, r, request, 200);
                Optional<URI> link = LinkHeader.next(r.headers().allValues("Link"), pageUri);
                JsonArray items = PenneoJson.items(call, json(call, r));
                return new Page(items, link);
              });
      for (JsonValue item : page.items()) {
        action.accept(PenneoJson.itemObject(call, item));
        count++;
      }
      next = null;
      if (page.next().isPresent() && !page.items().isEmpty()) {
        URI candidate = page.next().get();
        if (!candidate.isAbsolute()
            || !PenneoTransport.origin(candidate).equals(PenneoTransport.origin(config.apiUrl()))) {
          throw new PenneoApiException(
              PenneoApiException.Kind.PERMANENT,
              call,
              "was stopped after page "
                  + pages
                  + ": the next-page link points to "
                  + PenneoTransport.origin(candidate)
                  + ", which is not the configured Penneo API host",
              null,
              null,
              null);
        }
        next = candidate;
      }
    }
    LOG.log(Level.DEBUG, "Penneo {0}: {1} items on {2} pages", call.describe(), count, pages);
    return count;
  }

  private JsonStructure json(PenneoCall call, PenneoTransport.Response r) throws IOException {
    return transport.readJson(call, r, limits.maxJsonBytes());
  }

  private JsonObject object(PenneoCall call, PenneoTransport.Response r, long max)
      throws IOException {
    return PenneoJson.object(call, transport.readJson(call, r, max));
  }

  private void requireStatus(
      PenneoCall call, PenneoTransport.Response r, PenneoTransport.Request request, int... ok) {
    for (int s : ok) {
      if (r.status() == s) {
        return;
      }
    }
    throw transport.unexpected(call, r, request);
  }

  /** Any 2xx is success; the body, if any, is not needed. */
  private Void expectSuccess(
      PenneoCall call, PenneoTransport.Response r, PenneoTransport.Request request)
      throws IOException {
    if (r.status() < 200 || r.status() > 299) {
      throw transport.unexpected(call, r, request);
    }
    try (InputStream in = r.body()) {
      in.readNBytes(PenneoTransport.MAX_ERROR_BYTES);
    }
    return null;
  }

  private static String subscriptionBody(List<String> eventTypes, URI endpoint, boolean active) {
    Objects.requireNonNull(eventTypes, "eventTypes");
    if (eventTypes.isEmpty()) {
      throw new IllegalArgumentException("A subscription needs at least one event type");
    }
    JsonArrayBuilder types = Jsonp.PROVIDER.createArrayBuilder();
    for (String t : eventTypes) {
      requireToken(t, "event type");
      types.add(t);
    }
    requireEndpoint(endpoint);
    return Jsonp.PROVIDER
        .createObjectBuilder()
        .add("eventTypes", types)
        .add("endpoint", endpoint.toString())
        .add("isActive", active)
        .build()
        .toString();
  }

  private static void requireToken(String value, String what) {
    if (value == null || value.isBlank() || !value.matches("[A-Za-z0-9._-]{1,200}")) {
      throw new IllegalArgumentException(
          "The " + what + " must be letters, digits, '.', '_' or '-', but was '" + value + "'");
    }
  }

  private static void requireEndpoint(URI endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    String scheme =
        endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
    if (!endpoint.isAbsolute()
        || !(scheme.equals("http") || scheme.equals("https"))
        || endpoint.getHost() == null) {
      throw new IllegalArgumentException(
          "A webhook endpoint must be an absolute http or https URL, but was '" + endpoint + "'");
    }
  }

  private static void requireSubscriptionId(String id) {
    if (id == null || !SUBSCRIPTION_ID.matcher(id).matches() || id.equals(".") || id.equals("..")) {
      throw new IllegalArgumentException(
          "A Penneo subscription id is letters, digits, '.', '_', '~' or '-', but was '"
              + id
              + "'");
    }
  }

  /** {@code base/seg1/seg2…}; segments are ids or fixed words checked by the callers. */
  private static URI child(URI base, String... segments) {
    String b = base.toString();
    while (b.endsWith("/")) {
      b = b.substring(0, b.length() - 1);
    }
    StringBuilder s = new StringBuilder(b);
    for (String seg : segments) {
      s.append('/').append(seg);
    }
    return URI.create(s.toString());
  }

  @Override
  public String toString() {
    return "PenneoClient[" + config.apiUrl() + ", " + config.mode() + "]";
  }
}
