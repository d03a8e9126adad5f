package org.penneoarchive.bench.noop;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many probe messages were consumed since the last reset, and when ({@link System#nanoTime}:
 * only the difference between the first and the last means anything). The count is raised last, so
 * that whoever reads the count reached also reads the time of the message that reached it.
 */
@ApplicationScoped
public class DrainProbeCounter {

  private static final long NONE = Long.MIN_VALUE;
  private final AtomicLong consumed = new AtomicLong();
  private final AtomicLong firstNanos = new AtomicLong(NONE);
  private final AtomicLong lastNanos = new AtomicLong(NONE);

  void consumed() {
    long now = System.nanoTime();
    firstNanos.compareAndSet(NONE, now);
    lastNanos.accumulateAndGet(now, Math::max);
    consumed.incrementAndGet();
  }

  void reset() {
    consumed.set(0);
    firstNanos.set(NONE);
    lastNanos.set(NONE);
  }

  String json() {
    return "{\"consumed\":"
        + consumed.get()
        + ",\"firstNanos\":"
        + firstNanos.get()
        + ",\"lastNanos\":"
        + lastNanos.get()
        + "}";
  }
}
