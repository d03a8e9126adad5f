package org.penneoarchive.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;

/**
 * A constant-rate, open-loop HTTP/1.1 load generator on plain blocking sockets: cheap enough per
 * request that on 2 cores it leaves the CPU to the server (the java.net.http client it replaces
 * could not itself send 1,000/s here: the no-op endpoint showed p50 ≈ 0.5 s at 1,000/s).
 *
 * <p>Request {@code i} is due at {@code start + i / rate}. {@code connections} threads each keep
 * one keep-alive connection and take the next due request; latency is measured from the intended
 * time, not from when a connection was free to send it, so a stalled server shows as latency
 * instead of silently lowering the rate (no coordinated omission). Loopback only; bounded by count
 * and by time (requests not sent by the deadline count as failed).
 */
final class OpenLoop {

  /** Keep-alive connections: the most requests in flight. */
  static final int CONNECTIONS = 256;

  private OpenLoop() {}

  /**
   * Casefile notifications for case files {@code base, base + 1, …} at {@code rate} per second for
   * {@code duration}, on {@link #CONNECTIONS} connections, waiting 30 s for the last answers.
   */
  static LoadGen.Result notifications(URI uri, long base, int rate, Duration duration) {
    return run(
        uri,
        i -> Bench.notification(base + i),
        rate,
        duration,
        CONNECTIONS,
        Duration.ofSeconds(30));
  }

  static LoadGen.Result run(
      URI uri,
      LongFunction<String> body,
      int rate,
      Duration duration,
      int connections,
      Duration grace) {
    if (!uri.getHost().equals("127.0.0.1") && !uri.getHost().equals("localhost")) {
      throw new IllegalArgumentException("loopback only: " + uri);
    }
    long count = Math.max(1, (long) (rate * (duration.toNanos() / 1e9)));
    long intervalNanos = 1_000_000_000L / rate;
    long start = System.nanoTime() + 100_000_000L;
    long endBy = start + duration.toNanos() + grace.toNanos();
    AtomicLong next = new AtomicLong();
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    List<Histogram> histograms = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      Histogram h = new Histogram(60_000_000L, 3);
      histograms.add(h);
      Thread t =
          new Thread(
              () -> {
                Connection conn = null;
                try {
                  while (true) {
                    long i = next.getAndIncrement();
                    if (i >= count) {
                      return;
                    }
                    long due = start + i * intervalNanos;
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                      LockSupport.parkNanos(wait);
                    }
                    if (System.nanoTime() > endBy) {
                      return;
                    }
                    try {
                      if (conn == null) {
                        conn = new Connection(uri);
                      }
                      int status = conn.post(body.apply(i));
                      long micros = (System.nanoTime() - due) / 1000;
                      if (status == 200) {
                        ok.incrementAndGet();
                        synchronized (h) {
                          h.recordValue(Math.min(micros, h.getHighestTrackableValue()));
                        }
                      } else {
                        failed.incrementAndGet();
                      }
                      if (conn.closeAfter) {
                        conn.close();
                        conn = null;
                      }
                    } catch (IOException e) {
                      failed.incrementAndGet();
                      if (conn != null) {
                        conn.close();
                      }
                      conn = null;
                    }
                  }
                } finally {
                  if (conn != null) {
                    conn.close();
                  }
                }
              },
              "open-loop-" + c);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      try {
        t.join(Math.max(1, (endBy - System.nanoTime()) / 1_000_000 + 1000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Histogram all = new Histogram(60_000_000L, 3);
    for (Histogram h : histograms) {
      synchronized (h) {
        all.add(h);
      }
    }
    long lost = count - ok.get() - failed.get();
    return new LoadGen.Result(
        count, ok.get(), failed.get() + lost, seconds, ok.get() / seconds, all);
  }

  /** One keep-alive HTTP/1.1 connection: POST without Content-Type (as Penneo sends). */
  private static final class Connection {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String head;
    boolean closeAfter;

    Connection(URI uri) throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(30_000);
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
      in = new BufferedInputStream(socket.getInputStream(), 8192);
      out = new BufferedOutputStream(socket.getOutputStream(), 8192);
      String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      head =
          "POST "
              + path
              + " HTTP/1.1\r\nHost: "
              + uri.getHost()
              + ":"
              + uri.getPort()
              + "\r\nUser-Agent: Penneo-Webhooks (bench)\r\nContent-Length: ";
    }

    int post(String body) throws IOException {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      out.write((head + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(b);
      out.flush();
      String status = line();
      if (status.length() < 12 || !status.startsWith("HTTP/1.")) {
        throw new IOException("not an HTTP answer: " + status);
      }
      int code = Integer.parseInt(status.substring(9, 12));
      long length = -1;
      boolean chunked = false;
      String h;
      while (!(h = line()).isEmpty()) {
        String lower = h.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Long.parseLong(lower.substring(15).trim());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          closeAfter = true;
        }
      }
      if (chunked) {
        long size;
        while ((size = Long.parseLong(line().split(";")[0].trim(), 16)) > 0) {
          skip(size);
          line();
        }
        while (!line().isEmpty()) {
          // trailers
        }
      } else if (length >= 0) {
        skip(length);
      } else {
        closeAfter = true;
      }
      return code;
    }

    private String line() throws IOException {
      StringBuilder sb = new StringBuilder(64);
      int c;
      while ((c = in.read()) != '\n') {
        if (c < 0) {
          throw new IOException("connection closed");
        }
        if (c != '\r') {
          sb.append((char) c);
        }
        if (sb.length() > 8192) {
          throw new IOException("header line too long");
        }
      }
      return sb.toString();
    }

    private void skip(long n) throws IOException {
      while (n > 0) {
        long s = in.skip(n);
        if (s <= 0) {
          if (in.read() < 0) {
            throw new IOException("connection closed in the body");
          }
          s = 1;
        }
        n -= s;
      }
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // closing
      }
    }
  }
}
