package org.penneoarchive.infrastructure.penneo;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link RetryPolicy.Sleeper} that records the waits instead of sleeping. */
final class RecordingSleeper implements RetryPolicy.Sleeper {

  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
  }

  List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  /** A retry policy with the defaults, a fixed jitter of one half and this sleeper. */
  RetryPolicy policy() {
    return RetryPolicy.builder().jitter(() -> 0.5).sleeper(this).build();
  }
}
