package org.penneoarchive.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ThreadFactory;

/**
 * Streams bytes to a file and computes SHA-256 and SHA-512 in the same pass, so that a document of
 * any size is read once, never held whole in memory (a few {@value #BLOCK_SIZE}-byte buffers), and
 * its fixity is known the moment it is on disk. The same hashes go into the bag's manifests, so
 * large files need not be read again to be archived. For a large download SHA-512, the slower of
 * the two, runs on a second thread ({@link BackgroundDigest}), and a third forces what has been
 * written to disk as the download goes on ({@link BackgroundSync}); the file is forced once more at
 * the end. The SHA-256 states along the way are kept as {@link DigestCheckpoints}.
 */
public final class FixityStream {

  /** Read files in blocks of this size. */
  public static final int BUFFER_SIZE = 64 * 1024;

  /** A download is hashed and written in blocks of this size (each costs one hand-over). */
  static final int BLOCK_SIZE = 256 * 1024;

  /** A download past this many bytes has its SHA-512 computed on a second thread. */
  static final long PARALLEL_FROM = 1024 * 1024;

  /** Short-lived daemon threads, two per large download (digest, sync), ended when it ends. */
  static final ThreadFactory DIGEST_THREADS =
      task -> {
        Thread thread = new Thread(task, "fixity");
        thread.setDaemon(true);
        return thread;
      };

  private FixityStream() {}

  /**
   * Copies a download to a new temporary file in {@code tempDir}.
   *
   * @param in the body; read to its end but not closed (the caller owns it)
   * @param maxBytes the largest accepted document; reading stops at the first byte past it
   * @param expectedLength the announced {@code Content-Length}, if any
   * @return the file, flushed to disk, with its size and hashes
   * @throws DocumentTooLargeException if the announced or actual size passes {@code maxBytes};
   *     nothing is left on disk
   * @throws TruncatedDownloadException if the size differs from {@code expectedLength}; nothing is
   *     left on disk
   */
  public static DownloadedFile copyToTempFile(
      InputStream in, Path tempDir, long maxBytes, OptionalLong expectedLength)
      throws IOException, DocumentTooLargeException {
    return copyToTempFile(in, tempDir, maxBytes, expectedLength, DIGEST_THREADS);
  }

  /**
   * As {@link #copyToTempFile(InputStream, Path, long, OptionalLong)}, with the SHA-512 thread of a
   * large download made by {@code threads} (e.g. the container's managed thread factory); {@code
   * null} computes both hashes on the calling thread.
   */
  public static DownloadedFile copyToTempFile(
      InputStream in,
      Path tempDir,
      long maxBytes,
      OptionalLong expectedLength,
      ThreadFactory threads)
      throws IOException, DocumentTooLargeException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(expectedLength, "expectedLength");
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
    }
    if (expectedLength.isPresent() && expectedLength.getAsLong() < 0) {
      throw new IllegalArgumentException(
          "A Content-Length is never negative: " + expectedLength.getAsLong());
    }
    if (expectedLength.isPresent() && expectedLength.getAsLong() > maxBytes) {
      throw new DocumentTooLargeException(
          "The document (announced as " + expectedLength.getAsLong() + " bytes)", maxBytes);
    }
    Files.createDirectories(tempDir);
    Path file = Files.createTempFile(tempDir, "download-", ".part");
    boolean done = false;
    try {
      DigestCheckpoints checkpoints = new DigestCheckpoints();
      Digests digests = write(in, file, maxBytes, "The document", threads, checkpoints);
      if (expectedLength.isPresent() && digests.size() != expectedLength.getAsLong()) {
        throw new TruncatedDownloadException(expectedLength.getAsLong(), digests.size());
      }
      done = true;
      return new DownloadedFile(
          file, digests.size(), digests.sha256Hex(), digests.sha512Hex(), checkpoints);
    } finally {
      if (!done) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** Re-hashes a file, e.g. for a fixity audit; reads it once with a fixed buffer. */
  public static Digests digest(Path file) throws IOException {
    MessageDigest sha256 = newDigest("SHA-256");
    MessageDigest sha512 = newDigest("SHA-512");
    long size = 0;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
      while (channel.read(buffer) >= 0) {
        buffer.flip();
        size += buffer.remaining();
        sha256.update(buffer.array(), 0, buffer.limit());
        sha512.update(buffer.array(), 0, buffer.limit());
        buffer.clear();
      }
    }
    return new Digests(size, hex(sha256), hex(sha512));
  }

  /** Hashes bytes already in memory, such as {@code casefile.json} or a tag file. */
  public static Digests digest(byte[] bytes) {
    MessageDigest sha256 = newDigest("SHA-256");
    MessageDigest sha512 = newDigest("SHA-512");
    sha256.update(bytes);
    sha512.update(bytes);
    return new Digests(bytes.length, hex(sha256), hex(sha512));
  }

  /**
   * Writes {@code in} to {@code target} (which must not exist), hashing as it goes, and forces the
   * bytes to disk. On any failure the caller deletes {@code target}.
   *
   * @param what the subject of the size error, e.g. "The document"
   */
  static Digests write(InputStream in, Path target, long maxBytes, String what)
      throws IOException, DocumentTooLargeException {
    return write(in, target, maxBytes, what, DIGEST_THREADS, null);
  }

  /**
   * As {@link #write(InputStream, Path, long, String)}; once more than {@value #PARALLEL_FROM}
   * bytes have come, SHA-512 goes on on a thread from {@code threads} ({@link BackgroundDigest})
   * while this thread reads, computes SHA-256 and writes. Smaller inputs, the bulk of documents,
   * never start a thread.
   *
   * @param threads makes the SHA-512 thread; {@code null} hashes both on this thread
   * @param checkpoints receives copies of the SHA-256 state on the way (for the seal check), or
   *     {@code null}
   */
  static Digests write(
      InputStream in,
      Path target,
      long maxBytes,
      String what,
      ThreadFactory threads,
      DigestCheckpoints checkpoints)
      throws IOException, DocumentTooLargeException {
    MessageDigest sha256 = newDigest("SHA-256");
    MessageDigest sha512 = newDigest("SHA-512");
    byte[] buffer = new byte[BLOCK_SIZE];
    long size = 0;
    BackgroundDigest background = null;
    BackgroundSync sync = null;
    try (FileChannel out =
        FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.CREATE)) {
      while (true) {
        // Never ask for more than one byte past the limit: a too-large body is not read on.
        long allowed = maxBytes - size;
        int want = allowed >= buffer.length ? buffer.length : (int) allowed + 1;
        int n = fill(in, buffer, want);
        if (n < 0) {
          break;
        }
        size += n;
        if (size > maxBytes) {
          throw new DocumentTooLargeException(what, maxBytes);
        }
        sha256.update(buffer, 0, n);
        if (checkpoints != null) {
          checkpoints.offer(sha256, size);
        }
        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
        while (chunk.hasRemaining()) {
          out.write(chunk);
        }
        if (sync != null) {
          sync.written(size);
        }
        if (background != null) {
          background.submit(buffer, n);
          buffer = background.buffer();
        } else {
          sha512.update(buffer, 0, n);
          if (threads != null && size >= PARALLEL_FROM) {
            background = new BackgroundDigest(sha512, BLOCK_SIZE, threads);
            buffer = background.buffer();
            sync = new BackgroundSync(out, threads);
          }
        }
      }
      if (sync != null) {
        sync.finish();
      }
      // Once, for the whole file: the background syncs have written all but the last few blocks.
      out.force(true);
      if (checkpoints != null) {
        checkpoints.complete(size);
      }
      String sha512Hex =
          background != null ? HexFormat.of().formatHex(background.finish()) : hex(sha512);
      return new Digests(size, hex(sha256), sha512Hex);
    } finally {
      if (sync != null) {
        sync.close();
      }
      if (background != null) {
        background.close();
      }
    }
  }

  /**
   * Reads until {@code want} bytes are in {@code buffer} or the input ends, so that a body that
   * arrives in small pieces (an HTTP stream) is hashed and written in whole blocks.
   *
   * @return the bytes read, or -1 at the end of the input
   */
  private static int fill(InputStream in, byte[] buffer, int want) throws IOException {
    int filled = 0;
    while (filled < want) {
      int n = in.read(buffer, filled, want - filled);
      if (n < 0) {
        return filled == 0 ? -1 : filled;
      }
      filled += n;
    }
    return filled;
  }

  static MessageDigest newDigest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has " + algorithm + ".", e);
    }
  }

  static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }
}
