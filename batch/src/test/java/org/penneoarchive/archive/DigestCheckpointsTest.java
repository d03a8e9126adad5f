package org.penneoarchive.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestCheckpointsTest {

  @TempDir Path dir;

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new SplittableRandom(11).nextBytes(bytes);
    return bytes;
  }

  private static byte[] sha256(byte[] bytes, long[] ranges) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    for (int i = 0; i < ranges.length; i += 2) {
      digest.update(bytes, (int) ranges[i], (int) ranges[i + 1]);
    }
    return digest.digest();
  }

  @Test
  void theRangesOfADownloadDigestAsIfTheyWereHashedWhole() throws Exception {
    byte[] bytes = random(5 * 1024 * 1024 + 12_345);
    DownloadedFile download =
        FixityStream.copyToTempFile(
            new ByteArrayInputStream(bytes),
            dir,
            Long.MAX_VALUE,
            OptionalLong.of(bytes.length),
            null);
    assertTrue(download.checkpoints().size() >= 4, "a copy at every MiB or so");
    int mib = 1024 * 1024;
    long size = bytes.length;
    long[][] cases = {
      {0, size},
      {0, 0, 0, size},
      {0, 1, 2, size - 2},
      {0, mib - 1, mib + 10, 100},
      {0, mib, mib + 1, size - mib - 1},
      {0, mib + 1, size - 10, 10},
      {0, size - 1000, size - 500, 500},
      {0, 3 * mib + 7, 4 * mib, 10, 5 * mib, 20},
    };
    try (FileChannel file = FileChannel.open(download.path(), StandardOpenOption.READ)) {
      for (long[] ranges : cases) {
        assertArrayEquals(
            sha256(bytes, ranges),
            download.checkpoints().digestOfRange(file, ranges),
            java.util.Arrays.toString(ranges));
      }
    }
  }

  @Test
  void aLongDownloadKeepsBoundedCopiesAndStillDigestsRight() throws Exception {
    byte[] bytes = random(200_000);
    DigestCheckpoints checkpoints = new DigestCheckpoints(1000, 8);
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    int block = 777;
    int fed = 0;
    while (fed < bytes.length) {
      int n = Math.min(block, bytes.length - fed);
      digest.update(bytes, fed, n);
      fed += n;
      checkpoints.offer(digest, fed);
      assertTrue(checkpoints.size() < 8, "never more than the cap");
    }
    checkpoints.complete(bytes.length);
    Path file = Files.write(dir.resolve("long.bin"), bytes);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      for (long end : new long[] {0, 1, 999, 1554, 64_000, 150_001, 199_999}) {
        long[] ranges = {0, end, end, bytes.length - end};
        assertArrayEquals(sha256(bytes, ranges), checkpoints.digestOfRange(channel, ranges));
      }
    }
  }

  @Test
  void checkpointsAnswerOnlyForTheirOwnFileAndForRangesFromTheStart() throws Exception {
    byte[] bytes = random(2 * 1024 * 1024);
    DownloadedFile download =
        FixityStream.copyToTempFile(
            new ByteArrayInputStream(bytes), dir, Long.MAX_VALUE, OptionalLong.empty(), null);
    Path shorter = Files.write(dir.resolve("shorter.bin"), java.util.Arrays.copyOf(bytes, 1000));
    try (FileChannel other = FileChannel.open(shorter, StandardOpenOption.READ);
        FileChannel same = FileChannel.open(download.path(), StandardOpenOption.READ)) {
      assertNull(download.checkpoints().digestOfRange(other, new long[] {0, 10, 20, 30}));
      assertNull(download.checkpoints().digestOfRange(same, new long[] {1, 10, 20, 30}));
      assertNull(download.checkpoints().digestOfRange(same, new long[] {0, 10, 20}));
      assertNull(DigestCheckpoints.none().digestOfRange(same, new long[] {0, 10, 20, 30}));
    }
    assertEquals(0, new DownloadedFile(download.path(), 1, "a", "b").checkpoints().size());
  }
}
