package org.penneoarchive.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SHA-512 on a second thread gives the digests of the one-thread path, and fails cleanly. */
class FixityStreamParallelTest {

  @TempDir Path dir;

  @Test
  void theParallelHasherGivesTheSequentialDigestsForEmptySmallAndMultiBlockInputs()
      throws Exception {
    long[] sizes = {
      0,
      1,
      FixityStream.BLOCK_SIZE - 1,
      FixityStream.PARALLEL_FROM,
      FixityStream.PARALLEL_FROM + 1,
      5L * FixityStream.BLOCK_SIZE * BackgroundDigest.BUFFERS + 17
    };
    for (long size : sizes) {
      AtomicInteger threads = new AtomicInteger();
      ThreadFactory counting =
          task -> {
            threads.incrementAndGet();
            return FixityStream.DIGEST_THREADS.newThread(task);
          };
      DownloadedFile parallel = copy(size, counting);
      DownloadedFile sequential = copy(size, null);
      assertEquals(sequential.digests(), parallel.digests(), "size " + size);
      assertEquals(FixityStream.digest(parallel.path()), parallel.digests(), "size " + size);
      assertEquals(size, Files.size(parallel.path()));
      // a large download: one thread for SHA-512, one for the syncs along the way
      assertEquals(size >= FixityStream.PARALLEL_FROM ? 2 : 0, threads.get(), "size " + size);
    }
  }

  @Test
  void aFailingDownloadLeavesNoFileAndNoDigestThread() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("failing"));
    java.util.List<Thread> made = new java.util.concurrent.CopyOnWriteArrayList<>();
    ThreadFactory tracked =
        task -> {
          Thread thread = FixityStream.DIGEST_THREADS.newThread(task);
          made.add(thread);
          return thread;
        };
    InputStream failing =
        new InputStream() {
          private final InputStream data = TestPdfs.randomBytes(3 * FixityStream.PARALLEL_FROM, 3);
          private long read;

          @Override
          public int read() {
            throw new UnsupportedOperationException();
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (read > 2 * FixityStream.PARALLEL_FROM) {
              throw new IOException("connection reset");
            }
            int n = data.read(b, off, len);
            read += Math.max(n, 0);
            return n;
          }
        };
    assertThrows(
        IOException.class,
        () ->
            FixityStream.copyToTempFile(
                failing, tmp, Long.MAX_VALUE, OptionalLong.empty(), tracked));
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(0, left.count());
    }
    assertEquals(2, made.size(), "a digest and a sync thread were started");
    for (Thread thread : made) {
      assertFalse(thread.isAlive(), "a fixity thread still runs");
    }
  }

  @Test
  void aTooLargeOrTruncatedParallelDownloadLeavesNoFile() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("limits"));
    long size = 3 * FixityStream.PARALLEL_FROM;
    assertThrows(
        DocumentTooLargeException.class,
        () ->
            FixityStream.copyToTempFile(
                TestPdfs.randomBytes(size, 1), tmp, size - 1, OptionalLong.empty()));
    assertThrows(
        TruncatedDownloadException.class,
        () ->
            FixityStream.copyToTempFile(
                TestPdfs.randomBytes(size, 1), tmp, Long.MAX_VALUE, OptionalLong.of(size + 1)));
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(0, left.count());
    }
  }

  private DownloadedFile copy(long size, ThreadFactory threads) throws Exception {
    Path tmp = Files.createDirectories(dir.resolve(threads == null ? "sequential" : "parallel"));
    try (InputStream in = TestPdfs.randomBytes(size, size)) {
      return FixityStream.copyToTempFile(in, tmp, Long.MAX_VALUE, OptionalLong.of(size), threads);
    }
  }
}
