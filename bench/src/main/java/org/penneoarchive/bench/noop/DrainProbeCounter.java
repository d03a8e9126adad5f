package org.penneoarchive.bench.noop;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/** How many probe messages were consumed since the last reset, and when the first and last were. */
@ApplicationScoped
public class DrainProbeCounter {

  private final AtomicLong consumed = new AtomicLong();
  private volatile long firstMillis;
  private volatile long lastMillis;

  void consumed() {
    long now = System.currentTimeMillis();
    if (consumed.getAndIncrement() == 0) {
      firstMillis = now;
    }
    lastMillis = Math.max(lastMillis, now);
  }

  void reset() {
    consumed.set(0);
    firstMillis = 0;
    lastMillis = 0;
  }

  String json() {
    return "{\"consumed\":"
        + consumed.get()
        + ",\"firstMillis\":"
        + firstMillis
        + ",\"lastMillis\":"
        + lastMillis
        + "}";
  }
}
