package org.penneosandbox.webhook;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends deliveries asynchronously and logs every attempt. Deliveries to one subscription go out one
 * after the other in the order given (so "shuffle" is what changes the order); a failed attempt is
 * retried on the settings' schedule outside that queue, then given up.
 */
public final class WebhookDispatcher {

  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());

  private final HttpClient http;
  private final ScheduledExecutorService scheduler;
  private final DeliveryLog log;
  private final Map<String, CompletableFuture<Void>> chains = new HashMap<>();
  private final AtomicLong contentTypeTurn = new AtomicLong();
  private final AtomicLong timeStyleTurn = new AtomicLong();
  private final AtomicLong confirmationTurn = new AtomicLong();
  private volatile DeliverySettings settings = DeliverySettings.defaults();
  private volatile boolean closed;
  private volatile long generation;

  public WebhookDispatcher(HttpClient http, ScheduledExecutorService scheduler, DeliveryLog log) {
    this.http = http;
    this.scheduler = scheduler;
    this.log = log;
  }

  public DeliverySettings settings() {
    return settings;
  }

  public void settings(DeliverySettings settings) {
    this.settings = settings;
  }

  public DeliveryLog log() {
    return log;
  }

  /** Forget queued work and settings; attempts already in flight finish but schedule nothing. */
  public synchronized void reset() {
    generation++;
    chains.clear();
    settings = DeliverySettings.defaults();
    contentTypeTurn.set(0);
    timeStyleTurn.set(0);
    confirmationTurn.set(0);
    log.clear();
  }

  public void close() {
    closed = true;
  }

  /** The Content-Type for the next notification body, per the settings (null = none). */
  String nextContentType() {
    String setting = settings.contentType();
    if ("rotate".equals(setting)) {
      String[] turn = {"none", "text/plain", "form", "json"};
      setting = turn[(int) (contentTypeTurn.getAndIncrement() % turn.length)];
    }
    return switch (setting) {
      case "text/plain" -> "text/plain; charset=UTF-8";
      case "form" -> "application/x-www-form-urlencoded";
      case "json" -> "application/json";
      default -> null;
    };
  }

  public EventTime.Style nextTimeStyle() {
    return switch (settings.timezone()) {
      case "utc", "3" -> EventTime.Style.UTC;
      case "offset", "1" -> EventTime.Style.OFFSET;
      case "abbreviation", "2" -> EventTime.Style.ABBREVIATION;
      case "zone" -> EventTime.Style.ZONE_ID;
      default -> {
        EventTime.Style[] all = EventTime.Style.values();
        yield all[(int) (timeStyleTurn.getAndIncrement() % all.length)];
      }
    };
  }

  ConfirmationShape nextConfirmationShape() {
    String setting = settings.confirmation();
    if ("rotate".equals(setting)) {
      List<ConfirmationShape> all = ConfirmationShape.ALL;
      return all.get((int) (confirmationTurn.getAndIncrement() % all.size()));
    }
    return ConfirmationShape.parse(setting);
  }

  /**
   * Sends a batch: each delivery {@code repeat} times, optionally shuffled, a fraction {@code drop}
   * never sent.
   */
  public synchronized void send(List<Delivery> batch, int repeat, boolean shuffle, double drop) {
    List<Delivery> all = new ArrayList<>();
    for (Delivery d : batch) {
      for (int i = 0; i < repeat; i++) {
        all.add(d);
      }
    }
    if (shuffle) {
      Collections.shuffle(all);
    }
    long delay = settings.delayMs();
    for (Delivery d : all) {
      if (drop > 0 && ThreadLocalRandom.current().nextDouble() < drop) {
        record(d, 1, null, "dropped", null);
        LOG.info(
            () ->
                "dropped "
                    + d.logEventType()
                    + " of case file "
                    + d.caseFileId()
                    + " for "
                    + d.chainKey());
        continue;
      }
      enqueue(d, delay);
    }
  }

  private void enqueue(Delivery d, long delayMs) {
    long gen = generation;
    CompletableFuture<Void> previous =
        chains.getOrDefault(d.chainKey(), CompletableFuture.completedFuture(null));
    CompletableFuture<Void> next =
        previous
            .thenCompose(v -> sleep(delayMs))
            .thenCompose(v -> gen == generation ? attempt(d, 1, gen) : done())
            .exceptionally(
                e -> {
                  LOG.log(Level.WARNING, "delivery queue of " + d.chainKey() + " failed", e);
                  return null;
                });
    chains.put(d.chainKey(), next);
  }

  private CompletableFuture<Void> attempt(Delivery d, int attempt, long gen) {
    if (closed || gen != generation) {
      return done();
    }
    DeliverySettings s = settings;
    CompletableFuture<HttpResponse<Void>> call;
    try {
      call =
          http.sendAsync(
              d.request(Duration.ofMillis(s.timeoutMs()), Instant.now()),
              HttpResponse.BodyHandlers.discarding());
    } catch (RuntimeException e) {
      call = CompletableFuture.failedFuture(e);
    }
    return call.handle(
        (response, error) -> {
          Integer status = response == null ? null : response.statusCode();
          boolean ok = status != null && status >= 200 && status < 300;
          String problem = error == null ? null : describe(error);
          if (ok) {
            record(d, attempt, status, "delivered", null);
          } else if (attempt < s.maxAttempts() && !closed) {
            record(d, attempt, status, "retrying", problem);
            long wait = s.retryDelay(attempt);
            scheduler.schedule(() -> attempt(d, attempt + 1, gen), wait, TimeUnit.MILLISECONDS);
          } else {
            record(d, attempt, status, "gave-up", problem);
            LOG.info(
                () ->
                    "gave up "
                        + d.logEventType()
                        + " of case file "
                        + d.caseFileId()
                        + " to "
                        + d.uri()
                        + " after "
                        + attempt
                        + " attempts");
          }
          return null;
        });
  }

  private static String describe(Throwable error) {
    Throwable t =
        error instanceof java.util.concurrent.CompletionException && error.getCause() != null
            ? error.getCause()
            : error;
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }

  private void record(Delivery d, int attempt, Integer status, String outcome, String error) {
    log.add(
        d.service(),
        d.subscriptionId(),
        d.uri().toString(),
        d.logEventType(),
        d.eventId(),
        d.caseFileId(),
        attempt,
        status,
        outcome,
        error);
  }

  private CompletableFuture<Void> sleep(long ms) {
    if (ms <= 0) {
      return done();
    }
    CompletableFuture<Void> f = new CompletableFuture<>();
    scheduler.schedule(() -> f.complete(null), ms, TimeUnit.MILLISECONDS);
    return f;
  }

  private static CompletableFuture<Void> done() {
    return CompletableFuture.completedFuture(null);
  }
}
