package org.penneoarchive.archive;

import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * One message digest updated on a thread of its own, fed the blocks that the calling thread has
 * already hashed with the other algorithm and written: with two cores the two hashes of a large
 * download cost the time of the slower one (SHA-512, about a third of SHA-256's speed with the
 * CPU's SHA instructions), not of both. The blocks go through a fixed set of {@value #BUFFERS}
 * buffers, so memory stays bounded and a slow digest holds the download back instead of queueing
 * it.
 *
 * <p>Not thread-safe: one caller thread submits, then {@link #finish()}es or {@link #close()}s;
 * {@code close} always stops and waits for the digest thread, so none outlives its download.
 */
final class BackgroundDigest implements AutoCloseable {

  /** Buffers in circulation: one being read into, the others queued for or inside the digest. */
  static final int BUFFERS = 4;

  /** The end of the input: the digest thread completes the digest and stops. */
  private static final Block END = new Block(new byte[0], 0);

  /** The caller gave up (a failure): the digest thread stops without completing the digest. */
  private static final Block STOP = new Block(new byte[0], 0);

  private record Block(byte[] data, int length) {}

  private final MessageDigest digest;
  private final BlockingQueue<byte[]> free;
  private final BlockingQueue<Block> queued = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile Throwable failure;
  private volatile byte[] result;
  private boolean ended;

  /**
   * Starts the digest thread.
   *
   * @param digest the digest to go on with; from now on updated only by the digest thread
   * @param bufferSize the size of each block buffer
   */
  BackgroundDigest(MessageDigest digest, int bufferSize, ThreadFactory threads) {
    this.digest = digest;
    this.free = new ArrayBlockingQueue<>(BUFFERS);
    for (int i = 0; i < BUFFERS; i++) {
      free.add(new byte[bufferSize]);
    }
    this.thread = threads.newThread(this::run);
    if (thread == null) {
      throw new IllegalStateException("The thread factory made no thread for the digest.");
    }
    thread.start();
  }

  /** A buffer to read the next block into; waits while all of them are queued for the digest. */
  byte[] buffer() throws InterruptedIOException {
    while (true) {
      rethrowFailure();
      byte[] buffer;
      try {
        buffer = free.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("Interrupted while waiting for the digest thread.");
      }
      if (buffer != null) {
        return buffer;
      }
      if (!thread.isAlive()) {
        rethrowFailure();
        throw new IllegalStateException("The digest thread ended before its input did.");
      }
    }
  }

  /** Hands the first {@code length} bytes of a buffer from {@link #buffer()} to the digest. */
  void submit(byte[] buffer, int length) throws InterruptedIOException {
    rethrowFailure();
    if (ended) {
      throw new IllegalStateException("The digest has already been finished or closed.");
    }
    queued.add(new Block(buffer, length));
  }

  /** Waits for the digest of every submitted byte. */
  byte[] finish() throws InterruptedIOException {
    end(END);
    rethrowFailure();
    if (result == null) {
      throw new InterruptedIOException("Interrupted while waiting for the digest thread.");
    }
    return result;
  }

  /** Stops the digest thread if it still runs (a failed download) and waits for it to end. */
  @Override
  public void close() {
    end(STOP);
  }

  private void end(Block marker) {
    if (!ended) {
      ended = true;
      queued.add(marker);
    }
    // The digest thread always ends soon after a marker.
    FileRegions.joinUninterruptibly(thread);
  }

  private void run() {
    boolean failed = false;
    while (true) {
      Block block;
      try {
        block = queued.take();
      } catch (InterruptedException e) {
        failure = e;
        return;
      }
      if (block == STOP) {
        return;
      }
      if (block == END) {
        if (!failed) {
          result = digest.digest();
        }
        return;
      }
      if (!failed) {
        try {
          digest.update(block.data(), 0, block.length());
        } catch (Throwable t) {
          // Keep handing buffers back, so that the caller is never left waiting for one.
          failure = t;
          failed = true;
        }
      }
      free.add(block.data());
    }
  }

  /** A failure of the digest thread, rethrown on the caller's: a bug, or an interrupt. */
  private void rethrowFailure() throws InterruptedIOException {
    Throwable t = failure;
    if (t == null) {
      return;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t instanceof RuntimeException e) {
      throw e;
    }
    InterruptedIOException interrupted =
        new InterruptedIOException("The digest thread was interrupted.");
    interrupted.initCause(t);
    throw interrupted;
  }
}
