package org.penneoarchive.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixityStreamTest {

  private static final String ABC_SHA256 =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  private static final String ABC_SHA512 =
      "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
          + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f";

  @TempDir Path dir;

  @Test
  void hashesAreTheStandardOnes() throws Exception {
    DownloadedFile file =
        FixityStream.copyToTempFile(
            new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)),
            dir,
            100,
            OptionalLong.of(3));

    assertEquals(3, file.size());
    assertEquals(ABC_SHA256, file.sha256Hex());
    assertEquals(ABC_SHA512, file.sha512Hex());
    assertEquals(file.digests(), FixityStream.digest(file.path()));
    assertEquals(file.digests(), FixityStream.digest("abc".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void aLargeBodyIsCopiedByteForByteAcrossManyBuffers() throws Exception {
    long size = 5L * FixityStream.BUFFER_SIZE + 123;
    byte[] expected;
    try (InputStream in = TestPdfs.randomBytes(size, 1)) {
      expected = in.readAllBytes();
    }

    DownloadedFile file =
        FixityStream.copyToTempFile(TestPdfs.randomBytes(size, 1), dir, size, OptionalLong.empty());

    assertArrayEquals(expected, Files.readAllBytes(file.path()));
    assertEquals(FixityStream.digest(expected), file.digests());
  }

  @Test
  void readingStopsAtTheFirstBytePastTheLimitAndNothingIsLeft() throws IOException {
    CountingStream body = new CountingStream(TestPdfs.randomBytes(10_000_000, 2));

    DocumentTooLargeException e =
        assertThrows(
            DocumentTooLargeException.class,
            () -> FixityStream.copyToTempFile(body, dir, 100_000, OptionalLong.empty()));

    assertEquals(100_001, body.count);
    assertEquals(100_000, e.maxBytes());
    assertEquals("The document is larger than the limit of 100000 bytes", e.getMessage());
    assertNoFiles();
  }

  @Test
  void anAnnouncedSizeOverTheLimitIsRefusedBeforeReading() throws IOException {
    CountingStream body = new CountingStream(TestPdfs.randomBytes(1000, 3));

    assertThrows(
        DocumentTooLargeException.class,
        () -> FixityStream.copyToTempFile(body, dir, 999, OptionalLong.of(1000)));

    assertEquals(0, body.count);
    assertNoFiles();
  }

  @Test
  void aBodyShorterThanItsContentLengthIsATruncatedDownload() throws IOException {
    TruncatedDownloadException e =
        assertThrows(
            TruncatedDownloadException.class,
            () ->
                FixityStream.copyToTempFile(
                    TestPdfs.randomBytes(700, 4), dir, 10_000, OptionalLong.of(1000)));

    assertEquals(1000, e.expectedBytes());
    assertEquals(700, e.receivedBytes());
    assertNoFiles();
  }

  @Test
  void aBodyLongerThanItsContentLengthIsRefusedToo() {
    assertThrows(
        TruncatedDownloadException.class,
        () ->
            FixityStream.copyToTempFile(
                TestPdfs.randomBytes(1001, 5), dir, 10_000, OptionalLong.of(1000)));
  }

  @Test
  void theLimitItselfIsAccepted() throws Exception {
    DownloadedFile file =
        FixityStream.copyToTempFile(
            TestPdfs.randomBytes(4096, 6), dir, 4096, OptionalLong.of(4096));

    assertEquals(4096, Files.size(file.path()));
  }

  private void assertNoFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(0, files.count(), "the temporary file is deleted");
    }
  }

  private static final class CountingStream extends FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }
  }
}
