package org.penneoarchive.application.intake;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The retry policy for a notification whose transaction lost a race with another one over the same
 * rows: two repeats of one event counted at once (a version conflict), two first events of one case
 * file inserting it at once (a unique key), or the database refusing a concurrent update. Such a
 * failure is not the notification's fault, and processing it again at once, in a new transaction,
 * sees the other's commit and succeeds. Retried here, in place, it neither uses up one of the
 * broker's delivery attempts nor makes the container log an error with a stack trace for what is
 * ordinary concurrency; any other failure, or a conflict that persists, goes to the broker as
 * before (redelivery, then the dead-letter queue).
 */
public final class ConcurrentUpdateRetry {

  /** Attempts in place, the first included. */
  public static final int ATTEMPTS = 3;

  /**
   * SQL states of a lost race: unique violation (H2 and PostgreSQL), H2's concurrent update,
   * PostgreSQL's serialization failure and deadlock.
   */
  private static final Set<String> RACE_STATES = Set.of("23505", "90131", "40001", "40P01");

  /** Hibernate's own name for a version conflict met outside the JPA exception translation. */
  private static final String STALE_STATE = "org.hibernate.StaleStateException";

  /** Told about each retry. */
  @FunctionalInterface
  public interface RetryListener {
    void retrying(int nextAttempt, RuntimeException conflict);
  }

  private ConcurrentUpdateRetry() {}

  /**
   * Runs {@code work} (one transaction), again when it failed by a lost race, at most {@value
   * #ATTEMPTS} times in all.
   *
   * @throws RuntimeException the last failure: not a race, or a race every attempt lost
   */
  public static void run(Runnable work, RetryListener listener) {
    for (int attempt = 1; ; attempt++) {
      try {
        work.run();
        return;
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !isLostRace(e)) {
          throw e;
        }
        listener.retrying(attempt + 1, e);
      }
    }
  }

  /** Whether a failure, through its causes, is a lost race over the same rows. */
  public static boolean isLostRace(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
      if (t instanceof OptimisticLockException) {
        return true;
      }
      for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
        if (STALE_STATE.equals(c.getName())) {
          return true;
        }
      }
      if (t instanceof SQLException sql) {
        for (SQLException s = sql; s != null; s = s.getNextException()) {
          if (s.getSQLState() != null && RACE_STATES.contains(s.getSQLState())) {
            return true;
          }
          if (s.getNextException() == s) {
            break;
          }
        }
      }
    }
    return false;
  }
}
