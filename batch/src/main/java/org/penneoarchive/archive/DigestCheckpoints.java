package org.penneoarchive.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Copies of a SHA-256 digest's state taken at intervals while a download was hashed, so that the
 * digest of any prefix of the file (a PAdES seal signs the file from byte 0 up to its signature,
 * nearly all of it, then a short tail) costs at most one interval of hashing instead of the whole
 * prefix again: a 100 MB document's seal check then hashes about 1 MiB, not 100 MB.
 *
 * <p>What the copies describe is the bytes as they were streamed to the file, the same bytes the
 * bag's manifests describe; they are used only for the file they were taken from, checked by its
 * length. Memory stays bounded whatever the size: at most {@value #MAX_CHECKPOINTS} copies of a few
 * hundred bytes each; when a download passes that count, every other copy is dropped and the
 * interval doubles.
 *
 * <p>Not thread-safe: filled by the one thread that hashes a download, then only read.
 */
public final class DigestCheckpoints {

  /** The algorithm whose states are kept: the one Penneo's seals (and most PAdES) digest with. */
  public static final String ALGORITHM = "SHA-256";

  /** The interval between copies at the start; it doubles each time the count reaches the cap. */
  static final long FIRST_INTERVAL = 1024 * 1024;

  /** At most this many copies are kept. */
  static final int MAX_CHECKPOINTS = 512;

  private static final int READ_CHUNK = 256 * 1024;

  private record Checkpoint(long offset, MessageDigest state) {}

  private final List<Checkpoint> checkpoints = new ArrayList<>();
  private final int maxCheckpoints;
  private long interval;
  private long length;
  private boolean complete;
  private boolean unavailable;

  /** Empty checkpoints for a download about to be hashed. */
  public DigestCheckpoints() {
    this(FIRST_INTERVAL, MAX_CHECKPOINTS);
  }

  DigestCheckpoints(long firstInterval, int maxCheckpoints) {
    if (firstInterval <= 0 || maxCheckpoints < 2) {
      throw new IllegalArgumentException("An interval > 0 and room for two checkpoints are needed");
    }
    this.interval = firstInterval;
    this.maxCheckpoints = maxCheckpoints;
  }

  /** Checkpoints of no file: {@link #digestOfRange} always answers {@code null}. */
  public static DigestCheckpoints none() {
    DigestCheckpoints none = new DigestCheckpoints();
    none.unavailable = true;
    return none;
  }

  /**
   * Called by the hashing thread after each block: keeps a copy of {@code digest} (the {@value
   * #ALGORITHM} state after {@code offset} bytes) when an interval has passed since the last one.
   */
  void offer(MessageDigest digest, long offset) {
    if (unavailable || complete) {
      return;
    }
    long last = checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1).offset();
    if (offset - last < interval) {
      return;
    }
    try {
      checkpoints.add(new Checkpoint(offset, (MessageDigest) digest.clone()));
    } catch (CloneNotSupportedException e) {
      // A runtime whose digest cannot be copied: the seal check hashes the whole range instead.
      unavailable = true;
      checkpoints.clear();
      return;
    }
    if (checkpoints.size() >= maxCheckpoints) {
      List<Checkpoint> kept = new ArrayList<>(maxCheckpoints / 2 + 1);
      for (int i = 1; i < checkpoints.size(); i += 2) {
        kept.add(checkpoints.get(i));
      }
      checkpoints.clear();
      checkpoints.addAll(kept);
      interval *= 2;
    }
  }

  /** Called once the whole file has been hashed: {@code length} is its size. */
  void complete(long length) {
    this.length = length;
    this.complete = true;
  }

  /** How many copies are kept (for tests and the memory bound). */
  int size() {
    return checkpoints.size();
  }

  /**
   * The {@value #ALGORITHM} digest of the ranges {@code [ranges[0], ranges[0]+ranges[1])}, {@code
   * [ranges[2], ranges[2]+ranges[3])}, … of {@code file}, as BouncyCastle would compute it over a
   * signature's {@code /ByteRange}, using the copy nearest below the end of the first range.
   *
   * @return the digest, or {@code null} when these checkpoints cannot answer for this file (not
   *     taken, of a file of another length, or the ranges do not start at byte 0): the caller then
   *     hashes the ranges itself
   * @throws IOException if the file cannot be read or ends inside a range
   */
  public byte[] digestOfRange(FileChannel file, long[] ranges) throws IOException {
    Objects.requireNonNull(ranges, "ranges");
    if (unavailable
        || !complete
        || ranges.length < 2
        || ranges.length % 2 != 0
        || ranges[0] != 0
        || ranges[1] < 0
        || file.size() != length) {
      return null;
    }
    long firstEnd = ranges[1];
    MessageDigest digest = null;
    long from = 0;
    for (int i = checkpoints.size() - 1; i >= 0; i--) {
      Checkpoint c = checkpoints.get(i);
      if (c.offset() <= firstEnd) {
        try {
          digest = (MessageDigest) c.state().clone();
        } catch (CloneNotSupportedException e) {
          return null;
        }
        from = c.offset();
        break;
      }
    }
    if (digest == null) {
      digest = FixityStream.newDigest(ALGORITHM);
    }
    ByteBuffer buffer = ByteBuffer.allocate(READ_CHUNK);
    FileRegions.read(file, from, firstEnd - from, buffer, digest::update);
    for (int i = 2; i < ranges.length; i += 2) {
      if (ranges[i] < 0 || ranges[i + 1] < 0) {
        return null;
      }
      FileRegions.read(file, ranges[i], ranges[i + 1], buffer, digest::update);
    }
    return digest.digest();
  }
}
