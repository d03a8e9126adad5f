package org.penneoarchive.application.penneo;

import java.time.Duration;
import java.time.Instant;

/**
 * When to look at Penneo again after a check that could not finish (Penneo unreachable, or a case
 * file not completed yet): 10 s, doubling, at most 30 min — never giving up, because a completion
 * must not be lost. Reconciliation covers the same ground hourly.
 */
public final class CheckBackoff {

  static final Duration FIRST = Duration.ofSeconds(10);
  static final Duration MAX = Duration.ofMinutes(30);

  private CheckBackoff() {}

  public static Instant next(Instant now, int failedAttempts) {
    long seconds = FIRST.getSeconds() << Math.min(Math.max(failedAttempts, 0), 20);
    return now.plusSeconds(Math.min(seconds, MAX.getSeconds()));
  }
}
