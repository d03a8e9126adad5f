package org.penneoarchive.application.penneo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedConcurrencyTest {

  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private static List<Integer> items(int n) {
    return IntStream.range(0, n).boxed().toList();
  }

  @Test
  void everyItemOnceAndNeverMoreThanTheLimitAtATime() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<Integer> out =
        BoundedConcurrency.map(
            items(200),
            i -> {
              most.accumulateAndGet(running.incrementAndGet(), Math::max);
              try {
                Thread.sleep(1);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              running.decrementAndGet();
              return i * 2;
            },
            3,
            pool);
    assertEquals(items(200).stream().map(i -> i * 2).toList(), out.stream().sorted().toList());
    assertTrue(most.get() <= 3, "at most 3 at a time, saw " + most.get());
  }

  @Test
  void theCallerDoesAllTheWorkWhenTheExecutorRefuses() {
    List<Integer> out =
        BoundedConcurrency.map(
            items(20),
            i -> i,
            4,
            r -> {
              throw new RejectedExecutionException("full");
            });
    assertEquals(items(20), out.stream().sorted().toList());
  }

  @Test
  void theCallerDoesAllTheWorkWhenNoHelperEverStarts() {
    // Tasks accepted but never run (a saturated pool): the call must still finish.
    List<Integer> out = BoundedConcurrency.map(items(20), i -> i, 4, r -> {});
    assertEquals(items(20), out.stream().sorted().toList());
  }

  @Test
  void aFailureIsThrownAfterEveryItemWasTried() {
    AtomicInteger tried = new AtomicInteger();
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                BoundedConcurrency.map(
                    items(30),
                    i -> {
                      tried.incrementAndGet();
                      if (i == 7) {
                        throw new IllegalArgumentException("item 7");
                      }
                      return i;
                    },
                    4,
                    pool));
    assertEquals("item 7", e.getMessage());
    assertEquals(30, tried.get());
  }

  @Test
  void noItemsNoWork() {
    assertEquals(List.of(), BoundedConcurrency.map(List.<Integer>of(), i -> i, 4, pool));
  }
}
