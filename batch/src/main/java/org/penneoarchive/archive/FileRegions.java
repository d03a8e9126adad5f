package org.penneoarchive.archive;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Small helpers of the archive core for reading parts of files and for its helper threads. */
final class FileRegions {

  /** Receives the bytes of a region, a buffer's worth at a time. */
  @FunctionalInterface
  interface Sink {
    void accept(byte[] bytes, int offset, int length) throws IOException;
  }

  private FileRegions() {}

  /**
   * Reads {@code count} bytes of {@code file} from {@code position} through {@code buffer} (a heap
   * buffer) into {@code sink}.
   *
   * @throws EOFException if the file ends first (a signature's {@code /ByteRange} past its end)
   */
  static void read(FileChannel file, long position, long count, ByteBuffer buffer, Sink sink)
      throws IOException {
    long remaining = count;
    while (remaining > 0) {
      buffer.clear();
      buffer.limit((int) Math.min(buffer.capacity(), remaining));
      int n = file.read(buffer, position);
      if (n < 0) {
        throw new EOFException("The file ended inside a signature's /ByteRange.");
      }
      sink.accept(buffer.array(), 0, n);
      position += n;
      remaining -= n;
    }
  }

  /**
   * Waits for a helper thread that has been told to stop, and keeps the caller's interrupt flag:
   * the helpers end soon after being told, and none may outlive the download it served.
   */
  static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
