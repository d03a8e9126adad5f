package org.penneoarchive.infrastructure.penneo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DocumentDownloadTest {

  private static final String CONTENT = "/api/v3/documents/77/content";
  private static final String LEGACY = "/api/v3/documents/77/pdf";

  private final FakePenneo penneo;
  private final RecordingSleeper sleeper = new RecordingSleeper();

  DocumentDownloadTest() throws Exception {
    penneo = new FakePenneo();
  }

  @AfterEach
  void stop() {
    penneo.close();
  }

  private PenneoClient client() {
    return new PenneoClient(penneo.config(AuthMode.JWT, sleeper.policy()).build());
  }

  private static byte[] pdfLike(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 9);
    return b;
  }

  private static byte[] sha256(byte[] b) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(b);
  }

  @Test
  void twentyMegabytesAreStreamedAsTheyArrive() throws Exception {
    byte[] pdf = pdfLike(20 * 1024 * 1024, 1);
    CountDownLatch released = new CountDownLatch(1);
    penneo.on(
        "GET",
        CONTENT,
        (exchange, request) -> {
          exchange.getResponseHeaders().add("Content-Type", "application/pdf");
          exchange.sendResponseHeaders(200, pdf.length);
          OutputStream out = exchange.getResponseBody();
          out.write(pdf, 0, 1024 * 1024);
          out.flush();
          try {
            // The rest is sent only once the client has the stream in hand.
            released.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          out.write(pdf, 1024 * 1024, pdf.length - 1024 * 1024);
          out.close();
        });

    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    long count = 0;
    try (DocumentDownload d = client().openDocumentContent(77)) {
      assertEquals(1, released.getCount(), "the open waited for the whole body");
      assertEquals(pdf.length, d.contentLength().getAsLong());
      assertEquals("application/pdf", d.contentType());
      assertEquals(77, d.documentId());
      InputStream in = d.body();
      byte[] buf = new byte[8192];
      int n = in.read(buf);
      assertTrue(n > 0);
      sha.update(buf, 0, n);
      count += n;
      released.countDown();
      while ((n = in.read(buf)) > 0) {
        sha.update(buf, 0, n);
        count += n;
      }
    }
    assertEquals(pdf.length, count);
    assertArrayEquals(sha256(pdf), sha.digest());
    assertEquals("application/pdf", penneo.requests().get(0).header("Accept"));
  }

  @Test
  void aStallInTheMiddleOfTheBodyFailsTheReadAfterTheReadTimeout() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    penneo.on(
        "GET",
        CONTENT,
        (exchange, request) -> {
          exchange.getResponseHeaders().add("Content-Type", "application/pdf");
          exchange.sendResponseHeaders(200, 1_000_000);
          OutputStream out = exchange.getResponseBody();
          out.write(new byte[1000]);
          out.flush();
          try {
            done.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    PenneoClient impatient =
        new PenneoClient(
            penneo
                .config(AuthMode.JWT, sleeper.policy())
                .readTimeout(Duration.ofMillis(300))
                .build());

    try (DocumentDownload d = impatient.openDocumentContent(77)) {
      long started = System.nanoTime();
      HttpTimeoutException e =
          assertThrows(HttpTimeoutException.class, () -> d.body().readAllBytes());
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertTrue(waited < 5000, "waited " + waited + " ms");
      assertTrue(e.getMessage().contains("no data"), e.getMessage());
    } finally {
      done.countDown();
    }
  }

  @Test
  void aBodyLongerThanTheLimitIsCutOff() throws Exception {
    byte[] pdf = pdfLike(2 * 1024 * 1024, 2);
    penneo.on(
        "GET",
        CONTENT,
        (exchange, request) -> {
          exchange.getResponseHeaders().add("Content-Type", "application/pdf");
          exchange.sendResponseHeaders(200, 0); // chunked: no length announced
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(pdf);
          } catch (IOException e) {
            // The client hangs up once it has seen enough.
          }
        });
    PenneoClient small =
        new PenneoClient(
            penneo
                .config(AuthMode.JWT, sleeper.policy())
                .limits(new PenneoClientConfig.Limits(4 << 20, 1 << 20, 100, 100))
                .build());

    try (DocumentDownload d = small.openDocumentContent(77)) {
      assertTrue(d.contentLength().isEmpty());
      IOException e =
          assertThrows(
              IOException.class, () -> d.body().transferTo(OutputStream.nullOutputStream()));
      assertTrue(e.getMessage().contains("larger than the limit of 1048576 bytes"), e.getMessage());
    }
  }

  @Test
  void anAnnouncedLengthOverTheLimitIsRefusedBeforeReading() {
    penneo.on("GET", CONTENT, FakePenneo.bytes(200, "application/pdf", pdfLike(2048, 3)));
    PenneoClient small =
        new PenneoClient(
            penneo
                .config(AuthMode.JWT, sleeper.policy())
                .limits(new PenneoClientConfig.Limits(4 << 20, 1024, 100, 100))
                .build());

    PenneoApiException e =
        assertThrows(PenneoApiException.class, () -> small.openDocumentContent(77));

    assertEquals(PenneoApiException.Kind.PERMANENT, e.kind());
    assertEquals(77L, e.documentId().getAsLong());
    assertTrue(e.getMessage().contains("larger than the limit"), e.getMessage());
  }

  @Test
  void aJsonAnswerIsNotADocument() {
    penneo.on("GET", CONTENT, FakePenneo.json(200, "{\"error\":\"not signed yet\"}"));

    PenneoApiException e =
        assertThrows(PenneoApiException.class, () -> client().openDocumentContent(77));

    assertEquals(PenneoApiException.Kind.PERMANENT, e.kind());
    assertTrue(e.getMessage().contains("instead of a document"), e.getMessage());
    assertTrue(e.bodyExcerpt().contains("not signed yet"));
  }

  @Test
  void anUnknownDocumentIsNotFound() {
    penneo.on("GET", CONTENT, FakePenneo.json(404, "{\"error\":\"Document not found\"}"));

    PenneoApiException e =
        assertThrows(PenneoApiException.class, () -> client().openDocumentContent(77));

    assertEquals(PenneoApiException.Kind.NOT_FOUND, e.kind());
    assertEquals(77L, e.documentId().getAsLong());
    assertEquals(1, penneo.requests().size());
  }

  @Test
  void theDownloadIsRetriedUntilTheAnswerArrives() throws Exception {
    byte[] pdf = pdfLike(4096, 4);
    penneo.on(
        "GET", CONTENT, FakePenneo.status(502), FakePenneo.bytes(200, "application/pdf", pdf));

    try (DocumentDownload d = client().openDocumentContent(77)) {
      assertArrayEquals(pdf, d.body().readAllBytes());
    }
    assertEquals(2, penneo.requests().size());
  }

  @Test
  void theLegacyBase64AnswerIsDecodedToTheSameBytes() throws Exception {
    byte[] pdf = pdfLike(300_000, 5);
    // PHP's json_encode escapes every slash.
    String base64 = Base64.getEncoder().encodeToString(pdf).replace("/", "\\/");
    assertTrue(base64.contains("\\/"));
    penneo.on("GET", LEGACY, FakePenneo.json(200, " [ \"" + base64 + "\" , \"ignored\" ]"));

    try (InputStream in = client().openLegacyPdf(77)) {
      assertArrayEquals(pdf, in.readAllBytes());
    }
    assertEquals("application/json", penneo.requests().get(0).header("Accept"));
  }

  @Test
  void theLegacyAnswerMayBreakItsBase64IntoLinesAndArriveChunked() throws Exception {
    byte[] pdf = pdfLike(100_001, 6);
    String mime = Base64.getMimeEncoder().encodeToString(pdf).replace("\r\n", "\\r\\n");
    penneo.on(
        "GET",
        LEGACY,
        (exchange, request) -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(("[\"" + mime + "\"]").getBytes(StandardCharsets.US_ASCII));
          }
        });

    try (InputStream in = client().openLegacyPdf(77)) {
      assertArrayEquals(pdf, in.readAllBytes());
    }
  }

  @Test
  void aLegacyAnswerOfAnotherShapeIsRefused() throws Exception {
    penneo.on("GET", LEGACY, FakePenneo.json(200, "{\"pdf\":\"JVBERi0=\"}"));

    PenneoApiException e = assertThrows(PenneoApiException.class, () -> client().openLegacyPdf(77));

    assertEquals(PenneoApiException.Kind.PERMANENT, e.kind());
    assertTrue(e.getMessage().contains("not a JSON array starting with a base64 string"));

    penneo.on("GET", LEGACY, FakePenneo.json(200, "[\"JVBER!i0=\"]"));
    try (InputStream in = client().openLegacyPdf(77)) {
      IOException bad = assertThrows(IOException.class, in::readAllBytes);
      assertFalse(bad.getMessage().isBlank());
    }

    penneo.on("GET", LEGACY, FakePenneo.json(200, "[\"JVBERi0="));
    try (InputStream in = client().openLegacyPdf(77)) {
      assertThrows(IOException.class, in::readAllBytes);
    }

    for (String trailing :
        new String[] {"[\"JVBERi0=AAAA\"]", "[\"JVBERi0=\" x", "[\"JVBERi0=\""}) {
      penneo.on("GET", LEGACY, FakePenneo.json(200, trailing));
      try (InputStream in = client().openLegacyPdf(77)) {
        assertThrows(IOException.class, in::readAllBytes, trailing);
      }
    }
    penneo.on("GET", LEGACY, FakePenneo.json(200, "[\"JVBERi0=\"]"));
    try (InputStream in = client().openLegacyPdf(77)) {
      assertArrayEquals("%PDF-".getBytes(StandardCharsets.US_ASCII), in.readAllBytes());
    }
  }
}
