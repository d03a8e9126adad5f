package org.penneoarchive.application.penneo;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Applies a function to each item with at most {@code concurrency} of them at a time: the calling
 * thread takes part and up to {@code concurrency - 1} helpers run on the executor, so the work
 * finishes even when the executor has no thread free or refuses the helpers.
 */
final class BoundedConcurrency {

  private BoundedConcurrency() {}

  /**
   * The results, in the order they finished. The first exception of {@code f}, if any, is thrown
   * once every item has been tried.
   */
  static <T, R> List<R> map(List<T> items, Function<T, R> f, int concurrency, Executor executor) {
    Queue<T> todo = new ConcurrentLinkedQueue<>(items);
    Queue<R> results = new ConcurrentLinkedQueue<>();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(items.size());
    Runnable work =
        () -> {
          T item;
          while ((item = todo.poll()) != null) {
            try {
              results.add(f.apply(item));
            } catch (RuntimeException e) {
              failure.compareAndSet(null, e);
            } finally {
              done.countDown();
            }
          }
        };
    int helpers = Math.min(Math.max(concurrency, 1), items.size()) - 1;
    for (int i = 0; i < helpers; i++) {
      try {
        executor.execute(work);
      } catch (RejectedExecutionException e) {
        break;
      }
    }
    work.run();
    try {
      done.await(); // only items a helper has taken are left; each ends when f returns
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the helpers", e);
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    return new ArrayList<>(results);
  }
}
