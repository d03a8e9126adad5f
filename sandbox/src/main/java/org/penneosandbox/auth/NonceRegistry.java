package org.penneosandbox.auth;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Nonces seen within the tolerance window. A nonce is refused if seen before; entries older than
 * the window are forgotten, since their Created time alone would refuse them anyway.
 */
public final class NonceRegistry {

  /** Bounds memory under a flood of requests; the oldest half goes when the cap is hit. */
  private static final int MAX_ENTRIES = 200_000;

  private final Map<String, Instant> seen = new ConcurrentHashMap<>();

  /** Records the nonce; false if it was already used. */
  public boolean firstUse(String nonce, Instant forgetAfter, Instant now) {
    if (seen.size() > MAX_ENTRIES) {
      purge(now, true);
    } else if (seen.size() % 1024 == 0) {
      purge(now, false);
    }
    return seen.putIfAbsent(nonce, forgetAfter) == null;
  }

  private void purge(Instant now, boolean hard) {
    Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator();
    int removed = 0;
    while (it.hasNext()) {
      Map.Entry<String, Instant> e = it.next();
      if (e.getValue().isBefore(now) || (hard && removed < MAX_ENTRIES / 2)) {
        it.remove();
        removed++;
      }
    }
  }

  public void clear() {
    seen.clear();
  }
}
