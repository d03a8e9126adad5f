package org.penneoarchive.infrastructure.penneo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RestApiTest {

  private final FakePenneo penneo;
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final PenneoClient client;

  RestApiTest() throws Exception {
    penneo = new FakePenneo();
    client = new PenneoClient(penneo.config(AuthMode.JWT, sleeper.policy()).build());
  }

  @AfterEach
  void stop() {
    penneo.close();
  }

  @Test
  void readsIdsAndStatusesGivenAsNumericStringsAndIgnoresUnknownFields() {
    penneo.on(
        "GET",
        "/api/v3/casefiles/531",
        FakePenneo.json(
            200,
            "{\"id\":\"531\",\"status\":\"5\",\"title\":\"Lease\",\"signIteration\":\"2\","
                + "\"created\":\"1535571567\",\"expireAt\":1735689600,\"userId\":\"9\","
                + "\"customerId\":12,\"reference\":\"R-1\",\"metaData\":{\"x\":[1,2]},"
                + "\"somethingNew\":true}"));

    CaseFileInfo c = client.getCaseFile(531).orElseThrow();

    assertEquals(531, c.id());
    assertEquals(5, c.status());
    assertTrue(c.isCompleted());
    assertEquals("Lease", c.title());
    assertEquals(2, c.signIteration());
    assertEquals(Instant.ofEpochSecond(1535571567), c.created());
    assertEquals(Instant.ofEpochSecond(1735689600), c.expireAt());
    assertEquals(9L, c.userId());
    assertEquals(12L, c.customerId());
    assertEquals("R-1", c.reference());
    assertTrue(c.raw().containsKey("somethingNew"));
  }

  @Test
  void aThinCaseFileWithoutTitleIsFine() {
    penneo.on("GET", "/api/v3/casefiles/531", FakePenneo.json(200, "{\"id\":531,\"status\":2}"));

    CaseFileInfo c = client.getCaseFile(531).orElseThrow();

    assertNull(c.title());
    assertNull(c.signIteration());
    assertNull(c.created());
    assertEquals(CaseFileInfo.REJECTED, c.status());
  }

  @Test
  void isoTimesAreReadToo() {
    penneo.on(
        "GET",
        "/api/v3/casefiles/531",
        FakePenneo.json(
            200,
            "{\"id\":531,\"status\":1,\"created\":\"2026-06-01T08:00:00+02:00\","
                + "\"sendAt\":\"2026-06-01 08:00:00\",\"activated\":{\"date\":\"x\"}}"));

    CaseFileInfo c = client.getCaseFile(531).orElseThrow();

    assertEquals(Instant.parse("2026-06-01T06:00:00Z"), c.created());
    assertEquals(Instant.parse("2026-06-01T08:00:00Z"), c.sendAt());
    assertNull(c.activated());
  }

  @Test
  void anUnknownCaseFileIsEmpty() {
    penneo.on("GET", "/api/v3/casefiles/404", FakePenneo.json(404, "{\"error\":\"not found\"}"));

    assertEquals(Optional.empty(), client.getCaseFile(404));
    assertEquals(1, penneo.requests().size());
  }

  @Test
  void anAnswerAboutAnotherCaseFileOrWithoutStatusIsRefused() {
    penneo.on("GET", "/api/v3/casefiles/531", FakePenneo.json(200, "{\"id\":532,\"status\":5}"));
    PenneoApiException e = assertThrows(PenneoApiException.class, () -> client.getCaseFile(531));
    assertTrue(e.getMessage().contains("describes case file 532 instead"), e.getMessage());

    penneo.on(
        "GET", "/api/v3/casefiles/531", FakePenneo.json(200, "{\"id\":531,\"status\":\"done\"}"));
    e = assertThrows(PenneoApiException.class, () -> client.getCaseFile(531));
    assertEquals(
        "Penneo call getCaseFile for case file 531 got an answer that has no readable 'status'",
        e.getMessage());
    assertEquals(PenneoApiException.Kind.PERMANENT, e.kind());
  }

  @Test
  void malformedJsonIsAPermanentErrorWithoutQuotingTheBody() {
    penneo.on("GET", "/api/v3/casefiles/531", FakePenneo.json(200, "{\"id\":531,\"status\":"));

    PenneoApiException e = assertThrows(PenneoApiException.class, () -> client.getCaseFile(531));

    assertEquals(PenneoApiException.Kind.PERMANENT, e.kind());
    assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    assertEquals("", e.bodyExcerpt());
    assertEquals(1, penneo.requests().size());
  }

  @Test
  void jsonOverTheLimitIsRefused() {
    String big = "{\"id\":531,\"status\":5,\"title\":\"" + "x".repeat(5000) + "\"}";
    PenneoClient small =
        new PenneoClient(
            penneo
                .config(AuthMode.JWT, sleeper.policy())
                .limits(new PenneoClientConfig.Limits(4096, 1 << 20, 10, 100))
                .build());
    penneo.on("GET", "/api/v3/casefiles/531", FakePenneo.json(200, big));

    PenneoApiException e = assertThrows(PenneoApiException.class, () -> small.getCaseFile(531));

    assertEquals(PenneoApiException.Kind.PERMANENT, e.kind());
    assertTrue(e.getMessage().contains("larger than the limit of 4096 bytes"), e.getMessage());
    assertEquals(1, penneo.requests().size());

    // Without a Content-Length, the limit holds while reading.
    penneo.on(
        "GET",
        "/api/v3/casefiles/531",
        (exchange, request) -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(big.getBytes(StandardCharsets.UTF_8));
          } catch (IOException ignored) {
            // the client may hang up first
          }
        });
    e = assertThrows(PenneoApiException.class, () -> small.getCaseFile(531));
    assertTrue(e.getMessage().contains("larger than the limit of 4096 bytes"), e.getMessage());
  }

  @Test
  void documentsCarryTheirCaseFile() {
    penneo.on(
        "GET",
        "/api/v3/casefiles/531/documents",
        FakePenneo.json(
            200,
            "[{\"id\":\"77\",\"title\":\"Contract\",\"status\":\"5\",\"documentType\":\"signable\"},"
                + "{\"id\":78}]"));

    List<DocumentInfo> docs = client.getCaseFileDocuments(531);

    assertEquals(2, docs.size());
    assertEquals(77, docs.get(0).id());
    assertEquals(531L, docs.get(0).caseFileId());
    assertEquals("Contract", docs.get(0).title());
    assertEquals(5, docs.get(0).status());
    assertNull(docs.get(1).title());
  }

  @Test
  void documentsOfAnUnknownCaseFileAreNotFound() {
    penneo.on("GET", "/api/v3/casefiles/9/documents", FakePenneo.json(404, "{}"));

    PenneoApiException e =
        assertThrows(PenneoApiException.class, () -> client.getCaseFileDocuments(9));

    assertEquals(PenneoApiException.Kind.NOT_FOUND, e.kind());
    assertEquals(9L, e.caseFileId().getAsLong());
  }

  @Test
  void aSignerNamesItsCaseFile() {
    penneo.on(
        "GET",
        "/api/v3/signers/11",
        FakePenneo.json(
            200,
            "{\"id\":\"11\",\"name\":\"Ann\",\"onBehalfOf\":\"ACME\",\"caseFileId\":\"531\","
                + "\"signingRequest\":{\"email\":\"ann@example.com\",\"status\":2,"
                + "\"rejectReason\":\"wrong name\"}}"));
    penneo.on(
        "GET",
        "/api/v3/signers/12",
        FakePenneo.json(200, "{\"id\":12,\"caseFile\":{\"id\":532},\"status\":\"1\"}"));
    penneo.on("GET", "/api/v3/signers/13", FakePenneo.status(404));

    SignerInfo ann = client.getSigner(11).orElseThrow();
    SignerInfo bob = client.getSigner(12).orElseThrow();

    assertEquals(531L, ann.caseFileId());
    assertEquals("ACME", ann.onBehalfOf());
    assertEquals("ann@example.com", ann.email());
    assertEquals(2, ann.signingRequestStatus());
    assertEquals("wrong name", ann.rejectReason());
    assertEquals(532L, bob.caseFileId());
    assertEquals(1, bob.signingRequestStatus());
    assertEquals(Optional.empty(), client.getSigner(13));
  }

  @Test
  void listsMayComeWrappedInItems() {
    penneo.on(
        "GET",
        "/api/v3/casefiles",
        FakePenneo.json(200, "{\"items\":[{\"id\":1,\"status\":\"5\"}],\"total\":1}"));

    assertEquals(1, client.forEachCaseFile(5, c -> assertEquals(1, c.id())));

    penneo.on("GET", "/api/v3/casefiles", FakePenneo.json(200, "{\"error\":\"x\"}"));
    PenneoApiException e =
        assertThrows(PenneoApiException.class, () -> client.forEachCaseFile(5, c -> {}));
    assertTrue(e.getMessage().contains("neither a list nor an object with 'items'"));
  }
}
