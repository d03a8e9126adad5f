package org.penneosandbox.ids;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * One numeric sequence for case files, documents, signers and legacy subscriptions. Sharing it
 * means a signer id can never equal a case file id, so a client that mixes them up fails loudly.
 *
 * <p>The file holds a ceiling: every id below it may have been handed out. Ids are reserved in
 * blocks, so a restart skips the rest of a block (gaps are fine, repeats are not) and a busy
 * benchmark does not write the file for every id.
 */
public final class IdSequence {

  private static final long FIRST_ID = 1000;
  private static final long BLOCK = 100;

  private final Path file;
  private long next;
  private long ceiling;

  public IdSequence(Path file) {
    this.file = file;
    try {
      Files.createDirectories(file.getParent());
      if (Files.exists(file)) {
        String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        this.ceiling = Long.parseLong(text);
      } else {
        this.ceiling = FIRST_ID;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read id sequence " + file, e);
    } catch (NumberFormatException e) {
      throw new IllegalStateException("id sequence file " + file + " is damaged", e);
    }
    this.next = ceiling;
  }

  public synchronized long next() {
    if (next >= ceiling) {
      reserve(next + BLOCK);
    }
    return next++;
  }

  private void reserve(long newCeiling) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.writeString(tmp, Long.toString(newCeiling), StandardCharsets.US_ASCII);
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reserve ids in " + file, e);
    }
    ceiling = newCeiling;
  }
}
