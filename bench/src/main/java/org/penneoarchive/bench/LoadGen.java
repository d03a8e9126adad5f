package org.penneoarchive.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop HTTP load on loopback with java.net.http ({@link #closedLoop}: a fixed number of
 * requests with a fixed number in flight, bounded by time), and the result record that {@link
 * OpenLoop} shares.
 */
final class LoadGen {

  /** What a run produced; latencies in microseconds. */
  record Result(
      long sent,
      long ok,
      long failed,
      double seconds,
      double achievedPerSecond,
      Histogram latency) {

    double p(double percentile) {
      return latency.getTotalCount() == 0
          ? Double.NaN
          : latency.getValueAtPercentile(percentile) / 1000.0;
    }
  }

  private final HttpClient client;
  private final ExecutorService executor;

  LoadGen() {
    executor = Executors.newFixedThreadPool(2);
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(executor)
            .build();
  }

  static HttpRequest post(URI uri, String body) {
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(30))
        .header("User-Agent", "Penneo-Webhooks (bench)")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** Sends {@code count} requests with {@code concurrency} in flight; bounded by {@code limit}. */
  Result closedLoop(
      LongFunction<HttpRequest> request, long count, int concurrency, Duration limit) {
    Histogram h = new Histogram(60_000_000L, 3);
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    Semaphore slots = new Semaphore(concurrency);
    long start = System.nanoTime();
    long endBy = start + limit.toNanos();
    long sent = 0;
    for (long i = 0; i < count && System.nanoTime() < endBy; i++) {
      try {
        if (!slots.tryAcquire(Math.max(0, endBy - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          break;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      sent++;
      long t0 = System.nanoTime();
      client
          .sendAsync(request.apply(i), HttpResponse.BodyHandlers.discarding())
          .whenComplete(
              (r, e) -> {
                if (e == null && r.statusCode() == 200) {
                  ok.incrementAndGet();
                  synchronized (h) {
                    h.recordValue(Math.min((System.nanoTime() - t0) / 1000, 60_000_000L));
                  }
                } else {
                  failed.incrementAndGet();
                }
                slots.release();
              });
    }
    try {
      slots.tryAcquire(concurrency, Math.max(1, endBy - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    synchronized (h) {
      return new Result(
          sent,
          ok.get(),
          failed.get() + (count - ok.get() - failed.get()),
          seconds,
          ok.get() / seconds,
          h.copy());
    }
  }

  void close() {
    executor.shutdownNow();
  }
}
