package org.penneoarchive.archive;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.ThreadFactory;

/**
 * Forces a file that is still being written to disk on a thread of its own, every {@value #EVERY}
 * bytes, so that a large download reaches the disk while it downloads. Without it the page cache
 * held the whole document until the one {@code force} at the end, and that force was a wait of its
 * own after the download (about 90 ms per 100 MB here, a second per GB). The writer still forces
 * the file once at the end, which then has only the last few megabytes to write: durability is the
 * same, only the wait moves.
 *
 * <p>Not thread-safe for callers: one thread reports {@link #written}, then {@link #finish()}es or
 * {@link #close()}s; {@code close} always stops and waits for the sync thread.
 */
final class BackgroundSync implements AutoCloseable {

  /** A sync is asked for each time this many more bytes have been written. */
  static final long EVERY = 8L * 1024 * 1024;

  private final FileChannel channel;
  private final Thread thread;
  private final Object lock = new Object();
  private long requested; // guarded by lock: bytes written when the last sync was asked for
  private long synced; // guarded by lock: bytes known to be on disk
  private boolean stopping; // guarded by lock
  private IOException failure; // guarded by lock
  private int syncs; // guarded by lock

  BackgroundSync(FileChannel channel, ThreadFactory threads) {
    this.channel = channel;
    this.thread = threads.newThread(this::run);
    if (thread == null) {
      throw new IllegalStateException("The thread factory made no thread for the sync.");
    }
    thread.start();
  }

  /** The writer has written {@code total} bytes so far: asks for a sync once enough came. */
  void written(long total) {
    synchronized (lock) {
      if (total - requested >= EVERY) {
        requested = total;
        lock.notifyAll();
      }
    }
  }

  /**
   * Stops the sync thread and reports whether a sync failed; the caller forces the file itself
   * afterwards.
   *
   * @throws IOException the failure of a background sync (the disk refused the data)
   */
  void finish() throws IOException {
    close();
    synchronized (lock) {
      if (failure != null) {
        throw new IOException("The file could not be forced to disk: " + failure, failure);
      }
    }
  }

  /** Whether the sync thread still runs (it ends when stopped or when a sync failed). */
  boolean running() {
    return thread.isAlive();
  }

  /** Syncs done so far (for tests). */
  int syncs() {
    synchronized (lock) {
      return syncs;
    }
  }

  @Override
  public void close() {
    synchronized (lock) {
      stopping = true;
      lock.notifyAll();
    }
    // The sync thread ends soon after it is told to (after at most one sync).
    FileRegions.joinUninterruptibly(thread);
  }

  private void run() {
    while (true) {
      long target;
      synchronized (lock) {
        while (!stopping && requested <= synced) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (stopping) {
          return;
        }
        target = requested;
      }
      try {
        channel.force(false);
      } catch (IOException e) {
        synchronized (lock) {
          failure = e;
        }
        return;
      }
      synchronized (lock) {
        synced = target;
        syncs++;
      }
    }
  }
}
