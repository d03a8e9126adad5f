package org.penneoarchive.infrastructure.penneo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands a response body to the caller as an {@link InputStream} as it arrives, with the two bounds
 * the JDK's own {@code BodySubscribers.ofInputStream()} lacks: a limit on the number of bytes and a
 * limit on how long a read may wait for the next bytes.
 *
 * <p>Why: {@code HttpRequest.timeout} covers only the wait for the response headers, so a Penneo
 * that stalls in the middle of a 2 GB PDF would block an archive thread for ever; and a body of any
 * length must never be collected in memory. Demand runs {@value #PREFETCH} lists of buffers ahead
 * of the caller (one more each time it takes one), so the client goes on reading the socket while
 * the caller hashes and writes what came before, and memory stays bounded to those few lists (the
 * client's buffers are 16 KiB by default). With one list at a time the socket stood still whenever
 * the caller worked, and a 100 MB document downloaded at half the speed of a plain copy.
 */
final class StreamingBodySubscriber implements HttpResponse.BodySubscriber<InputStream> {

  private static final Object END = new Object();

  /** Lists of buffers asked for ahead of the caller. */
  static final int PREFETCH = 16;

  private record Failure(Throwable cause) {}

  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final Duration idleTimeout;
  private final long maxBytes;
  private final BodyStream stream = new BodyStream();
  private volatile Flow.Subscription subscription;

  StreamingBodySubscriber(Duration idleTimeout, long maxBytes) {
    this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
    this.maxBytes = maxBytes;
  }

  @Override
  public CompletionStage<InputStream> getBody() {
    return CompletableFuture.completedStage(stream);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    Objects.requireNonNull(s, "subscription");
    if (subscription != null) {
      s.cancel();
      return;
    }
    subscription = s;
    if (stream.closed) {
      s.cancel();
    } else {
      s.request(PREFETCH);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    queue.offer(Objects.requireNonNull(item, "item"));
  }

  @Override
  public void onError(Throwable throwable) {
    queue.offer(new Failure(Objects.requireNonNull(throwable, "throwable")));
  }

  @Override
  public void onComplete() {
    queue.offer(END);
  }

  private void cancel() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }

  private final class BodyStream extends InputStream {
    private Iterator<ByteBuffer> buffers = List.<ByteBuffer>of().iterator();
    private ByteBuffer current;
    private boolean eof;
    private long total;
    private volatile boolean closed;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (closed) {
        throw new IOException("The Penneo response stream is closed");
      }
      if (len == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(len, current.remaining());
      current.get(b, off, n);
      total += n;
      if (total > maxBytes) {
        close();
        throw new ResponseTooLargeException(maxBytes);
      }
      return n;
    }

    /** Makes {@code current} hold unread bytes; false at the end of the body. */
    private boolean fill() throws IOException {
      while (current == null || !current.hasRemaining()) {
        if (buffers.hasNext()) {
          current = buffers.next();
          continue;
        }
        if (eof) {
          return false;
        }
        Object next;
        try {
          next = queue.poll(idleTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          close();
          throw new InterruptedIOException("Interrupted while reading Penneo's answer");
        }
        if (next == null) {
          close();
          throw new HttpTimeoutException(
              "Penneo sent no data for " + idleTimeout.toMillis() + " ms in the middle of a body");
        }
        if (next == END) {
          eof = true;
          return false;
        }
        if (next instanceof Failure f) {
          eof = true;
          Throwable cause = f.cause();
          if (cause instanceof IOException io) {
            throw new IOException("Reading Penneo's answer failed: " + io.getMessage(), io);
          }
          throw new IOException("Reading Penneo's answer failed", cause);
        }
        @SuppressWarnings("unchecked")
        List<ByteBuffer> list = (List<ByteBuffer>) next;
        buffers = list.iterator();
        Flow.Subscription s = subscription;
        if (s != null) {
          s.request(1);
        }
      }
      return true;
    }

    @Override
    public int available() {
      return current == null ? 0 : current.remaining();
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (!eof) {
        cancel();
      }
      queue.clear();
      buffers = List.<ByteBuffer>of().iterator();
      current = null;
    }
  }
}
