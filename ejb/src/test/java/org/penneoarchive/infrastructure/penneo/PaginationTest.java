package org.penneoarchive.infrastructure.penneo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PaginationTest {

  private static final String LIST = "/api/v3/casefiles";

  private final FakePenneo penneo;
  private final RecordingSleeper sleeper = new RecordingSleeper();

  PaginationTest() throws Exception {
    penneo = new FakePenneo();
  }

  @AfterEach
  void stop() {
    penneo.close();
  }

  private PenneoClient client(PenneoClientConfig.Limits limits) {
    return new PenneoClient(penneo.config(AuthMode.JWT, sleeper.policy()).limits(limits).build());
  }

  private static String page(long... ids) {
    StringBuilder s = new StringBuilder("[");
    for (long id : ids) {
      if (s.length() > 1) {
        s.append(',');
      }
      s.append("{\"id\":")
          .append(id)
          .append(",\"status\":5,\"title\":\"T")
          .append(id)
          .append("\"}");
    }
    return s.append(']').toString();
  }

  /** A page answer that sends the page number back in a query, as Penneo's links do. */
  private FakePenneo.Responder pages(List<String> bodies, List<String> links) {
    return (exchange, request) -> {
      String q = request.query() == null ? "" : request.query();
      int n = q.contains("page=3") ? 2 : q.contains("page=2") ? 1 : 0;
      String link = links.get(n);
      if (link == null) {
        FakePenneo.json(200, bodies.get(n)).respond(exchange, request);
      } else {
        FakePenneo.json(200, bodies.get(n), "Link", link).respond(exchange, request);
      }
    };
  }

  @Test
  void followsNextLinksAcrossThreePages() {
    String b = penneo.base().toString();
    penneo.on(
        "GET",
        LIST,
        pages(
            List.of(page(1, 2), page(3, 4), page(5)),
            Arrays.asList(
                "<"
                    + b
                    + "/api/v3/casefiles?status=5&page=2&per_page=2>; rel=\"next\", <"
                    + b
                    + "/api/v3/casefiles?status=5&page=1&per_page=2>; rel=\"first\"",
                // A relative link is resolved against the page.
                "</api/v3/casefiles?status=5&page=1&per_page=2>; rel=\"prev\","
                    + " </api/v3/casefiles?status=5&page=3&per_page=2>; rel=next",
                "<" + b + "/api/v3/casefiles?status=5&page=2&per_page=2>; rel=\"prev\"")));
    List<Long> seen = new ArrayList<>();

    long count =
        client(PenneoClientConfig.Limits.defaults())
            .forEachCaseFile(CaseFileInfo.COMPLETED, c -> seen.add(c.id()));

    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), seen);
    assertEquals(5, count);
    List<FakePenneo.Recorded> requests = penneo.requests("GET", LIST);
    assertEquals(3, requests.size());
    assertEquals("status=5&per_page=100", requests.get(0).query());
    assertEquals("status=5&page=3&per_page=2", requests.get(2).query());
    for (FakePenneo.Recorded r : requests) {
      assertEquals("true", r.header("x-paginate"));
    }
  }

  @Test
  void aSinglePageWithoutLinkOrWithAnEmptyLinkIsNormal() {
    penneo.on("GET", LIST, FakePenneo.json(200, page(9), "Link", ""));
    List<Long> seen = new ArrayList<>();

    client(PenneoClientConfig.Limits.defaults()).forEachCaseFile(5, c -> seen.add(c.id()));

    assertEquals(List.of(9L), seen);
    penneo.on("GET", "/api/v3/casefiles/9/documents", FakePenneo.json(200, "[]"));
    assertEquals(List.of(), client(PenneoClientConfig.Limits.defaults()).getCaseFileDocuments(9));
  }

  @Test
  void aNextLinkToAnotherHostIsNotFollowed() throws Exception {
    try (FakePenneo foreign = new FakePenneo()) {
      foreign.on("GET", LIST, FakePenneo.json(200, page(666)));
      penneo.on(
          "GET",
          LIST,
          FakePenneo.json(
              200,
              page(1),
              "Link",
              "<" + foreign.base() + "/api/v3/casefiles?status=5&page=2>; rel=\"next\""));
      List<Long> seen = new ArrayList<>();

      PenneoApiException e =
          assertThrows(
              PenneoApiException.class,
              () ->
                  client(PenneoClientConfig.Limits.defaults())
                      .forEachCaseFile(5, c -> seen.add(c.id())));

      assertEquals(List.of(1L), seen);
      assertEquals(0, foreign.requests().size());
      assertEquals(PenneoApiException.Kind.PERMANENT, e.kind());
      assertTrue(e.getMessage().contains("not the configured Penneo API host"), e.getMessage());
      assertTrue(e.getMessage().contains(":" + foreign.port()), e.getMessage());
    }
  }

  @Test
  void anotherSchemeOrHostNameForTheSameMachineIsForeignToo() {
    penneo.on(
        "GET",
        LIST,
        FakePenneo.json(
            200,
            page(1),
            "Link",
            "<http://localhost:" + penneo.port() + "/api/v3/casefiles?page=2>; rel=\"next\""));

    assertThrows(
        PenneoApiException.class,
        () -> client(PenneoClientConfig.Limits.defaults()).forEachCaseFile(5, c -> {}));
    assertEquals(1, penneo.requests().size());
  }

  @Test
  void stopsAtThePageCap() {
    penneo.on(
        "GET",
        LIST,
        (exchange, request) -> {
          Matcher m = Pattern.compile("(?:^|&)page=(\\d+)").matcher(request.query());
          int n = m.find() ? Integer.parseInt(m.group(1)) : 1;
          FakePenneo.json(
                  200,
                  page(n),
                  "Link",
                  "<" + penneo.base() + LIST + "?status=5&page=" + (n + 1) + ">; rel=\"next\"")
              .respond(exchange, request);
        });
    List<Long> seen = new ArrayList<>();

    PenneoApiException e =
        assertThrows(
            PenneoApiException.class,
            () ->
                client(new PenneoClientConfig.Limits(4 << 20, 1 << 20, 3, 100))
                    .forEachCaseFile(5, c -> seen.add(c.id())));

    assertEquals(List.of(1L, 2L, 3L), seen);
    assertEquals(3, penneo.requests().size());
    assertTrue(e.getMessage().contains("more than 3 pages"), e.getMessage());
  }

  @Test
  void aLinkBackToAPageAlreadyReadStops() {
    penneo.on(
        "GET",
        LIST,
        FakePenneo.json(
            200,
            page(1),
            "Link",
            "<" + penneo.base() + LIST + "?status=5&per_page=100>; rel=\"next\""));

    PenneoApiException e =
        assertThrows(
            PenneoApiException.class,
            () -> client(PenneoClientConfig.Limits.defaults()).forEachCaseFile(5, c -> {}));

    assertEquals(1, penneo.requests().size());
    assertTrue(e.getMessage().contains("already read"), e.getMessage());
  }

  @Test
  void childListsArePagedTooAndCarryTheirCaseFile() {
    penneo.on(
        "GET",
        "/api/v3/casefiles/42/signers",
        (exchange, request) -> {
          boolean second = request.query() != null && request.query().contains("page=2");
          if (second) {
            FakePenneo.json(200, "[{\"id\":\"12\",\"name\":\"B\"}]").respond(exchange, request);
          } else {
            FakePenneo.json(
                    200,
                    "[{\"id\":11,\"name\":\"A\",\"signingRequest\":{\"email\":\"a@x\",\"status\":\"4\"}}]",
                    "Link",
                    "</api/v3/casefiles/42/signers?page=2>; rel=\"next\"")
                .respond(exchange, request);
          }
        });

    List<SignerInfo> signers = client(PenneoClientConfig.Limits.defaults()).getCaseFileSigners(42);

    assertEquals(2, signers.size());
    assertEquals(11, signers.get(0).id());
    assertEquals(42L, signers.get(0).caseFileId());
    assertEquals("a@x", signers.get(0).email());
    assertEquals(4, signers.get(0).signingRequestStatus());
    assertEquals(12, signers.get(1).id());
  }

  @Test
  void linkHeadersAreParsedAsRfc8288() {
    URI page = URI.create("https://app.penneo.com/api/v3/casefiles?page=1");
    assertEquals(
        URI.create("https://app.penneo.com/api/v3/casefiles?page=2&per_page=10"),
        LinkHeader.next(
                List.of(
                    "<https://app.penneo.com/api/v3/casefiles?page=1&per_page=10>; rel=\"first\","
                        + " <https://app.penneo.com/api/v3/casefiles?page=2&per_page=10>;"
                        + " rel=\"next\""),
                page)
            .orElseThrow());
    assertEquals(
        URI.create("https://app.penneo.com/api/v3/x?a=1,2"),
        LinkHeader.next(List.of("<x?a=1,2>; title=\"a, b\"; rel=\"prev next\""), page)
            .orElseThrow());
    assertTrue(LinkHeader.next(List.of("", "<a>; rel=\"prev\"", "garbage"), page).isEmpty());
    assertTrue(LinkHeader.next(List.of(), page).isEmpty());
  }
}
