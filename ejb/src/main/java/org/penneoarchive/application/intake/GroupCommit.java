package org.penneoarchive.application.intake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The rule for putting the notifications of several consumer sessions into one transaction: each
 * session hands in its item and waits; while fewer than {@code concurrency} groups are being
 * processed, a waiting session takes the items waiting at that moment (its own among them, at most
 * {@code maxSize}) and processes them together. Nothing waits for a group to fill: a lone item is
 * processed at once, alone, so a quiet queue keeps the latency of one transaction per message, and
 * groups only grow while earlier ones are still being committed.
 *
 * <p>A group that fails is not the failure of any one item: each of its sessions then processes its
 * own item alone, in a transaction of its own, and a failure there is that item's and reaches its
 * caller. {@link #submit} returns only after its item's transaction has committed, so a caller that
 * acknowledges its message after {@code submit} returns never acknowledges uncommitted work.
 *
 * @param <T> what is processed
 */
public final class GroupCommit<T> {

  /** What is done with a group, and with an item alone. */
  public interface Work<T> {
    /** Processes two or more items in one transaction; any exception rolls all of them back. */
    void together(List<T> items);

    /** Processes one item in a transaction of its own; its exception is the item's failure. */
    void alone(T item);

    /** Told when a group failed and its items are processed alone. */
    default void groupFailed(int size, RuntimeException failure) {}
  }

  private enum State {
    WAITING,
    TAKEN,
    COMMITTED,
    ALONE
  }

  private static final class Slot<T> {
    final T item;
    State state = State.WAITING;

    Slot(T item) {
      this.item = item;
    }
  }

  private final int maxSize;
  private final int concurrency;
  private final Work<T> work;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<Slot<T>> waiting = new ArrayDeque<>();
  private int processing;
  private long groups;
  private long grouped;

  /**
   * @param maxSize the most items in one group, at least 1 (1: every item alone, in its caller's
   *     thread, however many at once)
   * @param concurrency how many groups are processed at once, at least 1
   */
  public GroupCommit(int maxSize, int concurrency, Work<T> work) {
    if (maxSize < 1 || concurrency < 1) {
      throw new IllegalArgumentException(
          "A group needs at least 1 item and 1 at a time, got " + maxSize + " and " + concurrency);
    }
    this.maxSize = maxSize;
    this.concurrency = concurrency;
    this.work = work;
  }

  /**
   * Processes {@code item}, with others or alone, and returns when its transaction has committed.
   *
   * @throws RuntimeException the item's own failure, from processing it alone
   * @throws InterruptedException when interrupted while waiting for its group (the item may still
   *     be committed with that group; processing it again must be harmless, as a redelivery is)
   */
  public void submit(T item) throws InterruptedException {
    if (maxSize == 1) {
      work.alone(item); // no groups: every item alone, as many at once as there are callers
      return;
    }
    Slot<T> mine = new Slot<>(item);
    List<Slot<T>> group;
    lock.lock();
    try {
      waiting.addLast(mine);
      while (mine.state == State.TAKEN
          || (mine.state == State.WAITING && processing >= concurrency)) {
        try {
          changed.await();
        } catch (InterruptedException e) {
          if (mine.state == State.WAITING) {
            waiting.remove(mine); // not taken yet: no group will process it now
          }
          throw e;
        }
      }
      if (mine.state == State.COMMITTED) {
        return;
      }
      if (mine.state == State.ALONE) {
        group = null;
      } else {
        group = take(mine);
        processing++;
      }
    } finally {
      lock.unlock();
    }
    if (group == null) {
      work.alone(item);
      return;
    }
    State outcome = State.ALONE; // committed only once together() has returned
    try {
      if (group.size() == 1) {
        work.alone(item);
        return;
      }
      try {
        work.together(group.stream().map(s -> s.item).toList());
        outcome = State.COMMITTED;
      } catch (RuntimeException e) {
        work.groupFailed(group.size(), e);
      }
    } finally {
      finish(group, outcome);
    }
    if (outcome == State.ALONE) {
      work.alone(item);
    }
  }

  /** Groups processed together so far, and the items they held. */
  public long[] groupsAndItems() {
    lock.lock();
    try {
      return new long[] {groups, grouped};
    } finally {
      lock.unlock();
    }
  }

  /** Takes {@code mine} and the items waiting longest, at most {@code maxSize}; lock held. */
  private List<Slot<T>> take(Slot<T> mine) {
    waiting.remove(mine);
    List<Slot<T>> group = new ArrayList<>(Math.min(maxSize, waiting.size() + 1));
    group.add(mine);
    while (group.size() < maxSize && !waiting.isEmpty()) {
      group.add(waiting.pollFirst());
    }
    group.forEach(s -> s.state = State.TAKEN);
    return group;
  }

  private void finish(List<Slot<T>> group, State outcome) {
    lock.lock();
    try {
      processing--;
      if (group.size() > 1 && outcome == State.COMMITTED) {
        groups++;
        grouped += group.size();
      }
      for (Slot<T> s : group) {
        s.state = outcome;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
