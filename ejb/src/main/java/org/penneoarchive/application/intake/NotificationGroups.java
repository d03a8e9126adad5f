package org.penneoarchive.application.intake;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Processes the notifications that the queue's consumer sessions hold at the same moment in one
 * transaction ({@link GroupCommit}): under load one commit, and one round of inserts per table,
 * serves several notifications; a notification that arrives alone is processed alone at once. A
 * group that fails is processed again one notification at a time, each with the lost-race retry of
 * {@link ConcurrentUpdateRetry}, so a failure is always one notification's own.
 */
@ApplicationScoped
public class NotificationGroups {

  private static final Logger LOG = Logger.getLogger(NotificationGroups.class.getName());
  private static final int MAX_GROUP_SIZE = 500;
  private static final int MAX_CONCURRENCY = 16;
  private static final long REPORT_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

  @Inject NotificationProcessingService processing;

  @Inject
  @ConfigProperty(name = "processing.group.max-size", defaultValue = "50")
  int maxSize;

  @Inject
  @ConfigProperty(name = "processing.group.concurrency", defaultValue = "2")
  int concurrency;

  private GroupCommit<NotificationEnvelope> groups;
  private final AtomicLong lastReport = new AtomicLong();
  private volatile long[] reported = {0, 0};

  @PostConstruct
  void init() {
    int size = bounded("processing.group.max-size", maxSize, MAX_GROUP_SIZE);
    int parallel = bounded("processing.group.concurrency", concurrency, MAX_CONCURRENCY);
    groups =
        new GroupCommit<>(
            size,
            parallel,
            new GroupCommit.Work<>() {
              @Override
              public void together(List<NotificationEnvelope> envelopes) {
                processing.processTogether(envelopes);
              }

              @Override
              public void alone(NotificationEnvelope envelope) {
                processAlone(envelope);
              }

              @Override
              public void groupFailed(int size, RuntimeException failure) {
                LOG.info(
                    () ->
                        "Processing each of "
                            + size
                            + " notifications alone, their group failed: "
                            + failure.getMessage());
              }
            });
    LOG.info(
        () ->
            "Notifications are processed in groups of up to "
                + size
                + ", "
                + parallel
                + " group(s) at a time");
  }

  /**
   * Processes the notification, with others or alone, and returns once it is committed.
   *
   * @throws RuntimeException the notification's own failure, for the broker to redeliver it
   */
  public void process(NotificationEnvelope envelope) {
    try {
      groups.submit(envelope);
      report();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "Interrupted while delivery " + envelope.intakeId() + " waited for its group", e);
    }
  }

  /** At most once a minute, how many groups were committed and what they held. */
  private void report() {
    long now = System.nanoTime();
    long last = lastReport.get();
    if (last != 0 && now - last < REPORT_EVERY_NANOS) {
      return;
    }
    long[] totals = groups.groupsAndItems();
    if (totals[0] == reported[0] || !lastReport.compareAndSet(last, now)) {
      return; // nothing new to say, or another session says it
    }
    long g = totals[0] - reported[0];
    long n = totals[1] - reported[1];
    reported = totals;
    LOG.info(
        () ->
            String.format(
                Locale.ROOT,
                "Processed %d notifications in %d groups (%.1f a group) since %s",
                n,
                g,
                g == 0 ? 0.0 : (double) n / g,
                last == 0 ? "the start" : "the last report"));
  }

  private void processAlone(NotificationEnvelope envelope) {
    ConcurrentUpdateRetry.run(
        () -> processing.process(envelope),
        (attempt, conflict) ->
            LOG.fine(
                () ->
                    "Delivery "
                        + envelope.intakeId()
                        + " lost a race with a concurrent update, processing it again (attempt "
                        + attempt
                        + " of "
                        + ConcurrentUpdateRetry.ATTEMPTS
                        + "): "
                        + conflict));
  }

  private static int bounded(String name, int value, int max) {
    int v = Math.max(1, Math.min(max, value));
    if (v != value) {
      LOG.warning(() -> name + " is " + value + ", outside 1.." + max + "; using " + v);
    }
    return v;
  }
}
