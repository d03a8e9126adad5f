package org.penneoarchive.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundSyncTest {

  @TempDir Path dir;

  @Test
  void aLongWriteIsSyncedAsItGoesAndTheThreadEnds() throws Exception {
    Path file = dir.resolve("long.bin");
    ByteBuffer block = ByteBuffer.allocate(1024 * 1024);
    long total = 0;
    BackgroundSync sync;
    try (FileChannel out =
        FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
      sync = new BackgroundSync(out, FixityStream.DIGEST_THREADS);
      for (int i = 0; i < 3 * BackgroundSync.EVERY / block.capacity(); i++) {
        block.clear();
        while (block.hasRemaining()) {
          out.write(block);
        }
        total += block.capacity();
        sync.written(total);
        if (i % 8 == 7) {
          // give the sync thread its turn, as a network download does between blocks
          Thread.sleep(20);
        }
      }
      sync.finish();
    }
    assertTrue(sync.syncs() >= 1, "synced while writing: " + sync.syncs());
    assertEquals(total, Files.size(file));
  }

  @Test
  void aFailedSyncIsReportedToTheWriter() throws Exception {
    Path file = dir.resolve("closed.bin");
    FileChannel out =
        FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
    BackgroundSync sync = new BackgroundSync(out, FixityStream.DIGEST_THREADS);
    out.close();
    sync.written(BackgroundSync.EVERY);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (sync.running() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    IOException failure = assertThrows(IOException.class, sync::finish);
    assertTrue(failure.getMessage().contains("could not be forced"), failure.getMessage());
  }
}
