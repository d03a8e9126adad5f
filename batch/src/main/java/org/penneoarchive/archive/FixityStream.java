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

/**
 * Streams bytes to a file and computes SHA-256 and SHA-512 in the same pass, so that a document of
 * any size is read once, never held whole in memory (one {@value #BUFFER_SIZE}-byte buffer), and
 * its fixity is known the moment it is on disk. The same hashes go into the bag's manifests, so
 * large files need not be read again to be archived.
 */
public final class FixityStream {

  /** Read and write in blocks of this size. */
  public static final int BUFFER_SIZE = 64 * 1024;

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
      Digests digests = write(in, file, maxBytes, "The document");
      if (expectedLength.isPresent() && digests.size() != expectedLength.getAsLong()) {
        throw new TruncatedDownloadException(expectedLength.getAsLong(), digests.size());
      }
      done = true;
      return new DownloadedFile(file, digests.size(), digests.sha256Hex(), digests.sha512Hex());
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
    MessageDigest sha256 = newDigest("SHA-256");
    MessageDigest sha512 = newDigest("SHA-512");
    byte[] buffer = new byte[BUFFER_SIZE];
    long size = 0;
    try (FileChannel out =
        FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.CREATE)) {
      while (true) {
        // Never ask for more than one byte past the limit: a too-large body is not read on.
        long allowed = maxBytes - size;
        int want = allowed >= buffer.length ? buffer.length : (int) allowed + 1;
        int n = in.read(buffer, 0, want);
        if (n < 0) {
          break;
        }
        size += n;
        if (size > maxBytes) {
          throw new DocumentTooLargeException(what, maxBytes);
        }
        sha256.update(buffer, 0, n);
        sha512.update(buffer, 0, n);
        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
        while (chunk.hasRemaining()) {
          out.write(chunk);
        }
      }
      out.force(true);
    }
    return new Digests(size, hex(sha256), hex(sha512));
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
