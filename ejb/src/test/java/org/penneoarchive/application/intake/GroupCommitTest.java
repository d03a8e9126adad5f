package org.penneoarchive.application.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

  private final ExecutorService pool = Executors.newFixedThreadPool(64);

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
  }

  /** Records what was done, and can hold the first group until told to go on. */
  private static final class Recording implements GroupCommit.Work<Integer> {
    final List<List<Integer>> together = Collections.synchronizedList(new ArrayList<>());
    final List<Integer> alone = Collections.synchronizedList(new ArrayList<>());
    final Map<Integer, Integer> committed = new ConcurrentHashMap<>();
    final CountDownLatch firstStarted = new CountDownLatch(1);
    volatile CountDownLatch hold = new CountDownLatch(0);
    volatile boolean failGroups;
    volatile boolean groupsDie;
    volatile int failAlone = -1;
    final AtomicInteger groupFailures = new AtomicInteger();

    @Override
    public void together(List<Integer> items) {
      if (failGroups) {
        throw new IllegalStateException("group refused");
      }
      if (groupsDie) {
        throw new StackOverflowError("not a RuntimeException");
      }
      together.add(List.copyOf(items));
      items.forEach(i -> committed.merge(i, 1, Integer::sum));
    }

    @Override
    public void alone(Integer item) {
      firstStarted.countDown();
      try {
        hold.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      if (item == failAlone) {
        throw new IllegalArgumentException("item " + item + " is bad");
      }
      alone.add(item);
      committed.merge(item, 1, Integer::sum);
    }

    @Override
    public void groupFailed(int size, RuntimeException failure) {
      groupFailures.incrementAndGet();
    }
  }

  private Future<?> submit(GroupCommit<Integer> g, int item) {
    return pool.submit(
        () -> {
          g.submit(item);
          return null;
        });
  }

  /** Starts item 0 alone and holds it there until {@code w.hold} is counted down. */
  private Future<?> holdFirst(GroupCommit<Integer> g, Recording w) throws Exception {
    w.hold = new CountDownLatch(1);
    Future<?> first = submit(g, 0);
    assertTrue(w.firstStarted.await(5, TimeUnit.SECONDS));
    return first;
  }

  /** Starts item 0 alone and holds it there while {@code others} items arrive. */
  private List<Future<?>> holdFirstWhile(GroupCommit<Integer> g, Recording w, int others)
      throws Exception {
    List<Future<?>> all = new ArrayList<>();
    all.add(holdFirst(g, w));
    for (int i = 1; i <= others; i++) {
      all.add(submit(g, i));
    }
    waitUntilWaiting(g, others);
    return all;
  }

  /** The waiting items are not visible; give their threads time to reach the lock's queue. */
  private static void waitUntilWaiting(GroupCommit<Integer> g, int n) throws InterruptedException {
    Thread.sleep(200L + 20L * n);
  }

  @Test
  void aLoneItemIsProcessedAloneAtOnce() throws Exception {
    Recording w = new Recording();
    GroupCommit<Integer> g = new GroupCommit<>(50, 1, w);
    g.submit(7);
    assertEquals(List.of(7), w.alone);
    assertTrue(w.together.isEmpty());
  }

  @Test
  void itemsThatArriveWhileAGroupIsBeingCommittedGoTogether() throws Exception {
    Recording w = new Recording();
    GroupCommit<Integer> g = new GroupCommit<>(50, 1, w);
    List<Future<?>> all = holdFirstWhile(g, w, 5);
    w.hold.countDown();
    for (Future<?> f : all) {
      f.get(5, TimeUnit.SECONDS);
    }
    assertEquals(List.of(0), w.alone);
    assertEquals(1, w.together.size(), "the five that waited are one group: " + w.together);
    assertEquals(List.of(1, 2, 3, 4, 5), w.together.get(0).stream().sorted().toList());
    assertEquals(1L, g.groupsAndItems()[0]);
    assertEquals(5L, g.groupsAndItems()[1]);
  }

  @Test
  void noGroupIsLargerThanItsMaximum() throws Exception {
    Recording w = new Recording();
    GroupCommit<Integer> g = new GroupCommit<>(3, 1, w);
    List<Future<?>> all = holdFirstWhile(g, w, 7);
    w.hold.countDown();
    for (Future<?> f : all) {
      f.get(5, TimeUnit.SECONDS);
    }
    for (List<Integer> group : w.together) {
      assertTrue(group.size() <= 3, "a group of " + group.size());
    }
    for (int i = 0; i <= 7; i++) {
      assertEquals(1, w.committed.get(i), "item " + i + " committed once");
    }
  }

  @Test
  void aFailedGroupIsProcessedItemByItemAndOnlyTheBadItemFails() throws Exception {
    Recording w = new Recording();
    GroupCommit<Integer> g = new GroupCommit<>(50, 1, w);
    w.failAlone = 3;
    List<Future<?>> all = holdFirstWhile(g, w, 4);
    w.failGroups = true;
    w.hold.countDown();
    for (int i = 0; i < all.size(); i++) {
      if (i == 3) {
        var e = assertThrows(Exception.class, all.get(i)::get);
        assertTrue(e.getCause() instanceof IllegalArgumentException, e.toString());
      } else {
        all.get(i).get(5, TimeUnit.SECONDS);
      }
    }
    assertEquals(1, w.groupFailures.get());
    assertTrue(w.together.isEmpty());
    assertEquals(List.of(0, 1, 2, 4), w.alone.stream().sorted().toList());
    assertFalse(w.committed.containsKey(3));
  }

  @Test
  void aGroupThatDiesWithAnErrorIsNotTakenForCommitted() throws Exception {
    Recording w = new Recording();
    GroupCommit<Integer> g = new GroupCommit<>(50, 1, w);
    List<Future<?>> all = holdFirstWhile(g, w, 4);
    w.groupsDie = true;
    w.hold.countDown();
    int died = 0;
    for (Future<?> f : all) {
      try {
        f.get(5, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        assertTrue(e.getCause() instanceof StackOverflowError, e.toString());
        died++;
      }
    }
    assertEquals(1, died, "only the session that ran the group sees its error");
    assertEquals(4, w.committed.size(), "the others were processed alone: " + w.committed);
  }

  @Test
  void manyConcurrentItemsAreEachCommittedExactlyOnce() throws Exception {
    Recording w = new Recording();
    GroupCommit<Integer> g = new GroupCommit<>(8, 2, w);
    List<Future<?>> all = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      all.add(submit(g, i));
    }
    for (Future<?> f : all) {
      f.get(30, TimeUnit.SECONDS);
    }
    assertEquals(2_000, w.committed.size());
    w.committed.forEach((item, times) -> assertEquals(1, times, "item " + item));
  }

  @Test
  void anInterruptedWaitLeavesNothingBehind() throws Exception {
    Recording w = new Recording();
    GroupCommit<Integer> g = new GroupCommit<>(50, 1, w);
    Future<?> first = holdFirst(g, w);
    CountDownLatch gaveUp = new CountDownLatch(1);
    Future<?> second =
        pool.submit(
            () -> {
              try {
                g.submit(1);
              } catch (InterruptedException e) {
                gaveUp.countDown();
              }
              return null;
            });
    waitUntilWaiting(g, 1);
    second.cancel(true);
    assertTrue(gaveUp.await(5, TimeUnit.SECONDS), "the waiting caller was interrupted");
    w.hold.countDown();
    first.get(5, TimeUnit.SECONDS);
    g.submit(2);
    assertFalse(w.committed.containsKey(1), "the interrupted item was not processed");
    assertEquals(List.of(0, 2), w.alone);
  }

  @Test
  void withGroupsOfOneEveryItemRunsAloneWithoutWaitingForOthers() throws Exception {
    Recording w = new Recording();
    GroupCommit<Integer> g = new GroupCommit<>(1, 1, w);
    Future<?> first = holdFirst(g, w);
    CountDownLatch secondStarted = new CountDownLatch(1);
    Future<?> second =
        pool.submit(
            () -> {
              secondStarted.countDown();
              g.submit(1);
              return null;
            });
    assertTrue(secondStarted.await(5, TimeUnit.SECONDS));
    w.hold.countDown();
    first.get(5, TimeUnit.SECONDS);
    second.get(5, TimeUnit.SECONDS);
    assertEquals(List.of(0, 1), w.alone.stream().sorted().toList());
    assertTrue(w.together.isEmpty());
  }

  @Test
  void refusesAnEmptyGroupOrNoConcurrency() {
    assertThrows(IllegalArgumentException.class, () -> new GroupCommit<>(0, 1, new Recording()));
    assertThrows(IllegalArgumentException.class, () -> new GroupCommit<>(1, 0, new Recording()));
  }
}
