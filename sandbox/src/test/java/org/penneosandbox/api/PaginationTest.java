package org.penneosandbox.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.penneosandbox.json.ApiException;

class PaginationTest {

  static final URI REQUEST =
      URI.create("http://host:8380/penneo-sandbox/api/v3/casefiles?status=5&page=2&per_page=10");

  @Test
  void middlePageLinksNextPrevAndFirstKeepingOtherParameters() {
    String link = Pagination.linkHeader(REQUEST, Pagination.page("2", "10"), 35);
    assertEquals(
        "<http://host:8380/penneo-sandbox/api/v3/casefiles?status=5&page=3&per_page=10>; rel=\"next\", "
            + "<http://host:8380/penneo-sandbox/api/v3/casefiles?status=5&page=1&per_page=10>; rel=\"prev\", "
            + "<http://host:8380/penneo-sandbox/api/v3/casefiles?status=5&page=1&per_page=10>; rel=\"first\"",
        link);
  }

  @Test
  void lastPageHasNoNext() {
    String link = Pagination.linkHeader(REQUEST, Pagination.page("4", "10"), 35);
    assertEquals(
        "<http://host:8380/penneo-sandbox/api/v3/casefiles?status=5&page=3&per_page=10>; rel=\"prev\", "
            + "<http://host:8380/penneo-sandbox/api/v3/casefiles?status=5&page=1&per_page=10>; rel=\"first\"",
        link);
  }

  @Test
  void singlePageHasAnEmptyLink() {
    assertEquals("", Pagination.linkHeader(REQUEST, Pagination.page(null, null), 35));
  }

  @Test
  void slicesAndValidates() {
    List<Integer> items = List.of(1, 2, 3, 4, 5);
    assertEquals(List.of(3, 4), Pagination.page("2", "2").slice(items));
    assertEquals(List.of(), Pagination.page("9", "2").slice(items));
    assertThrows(ApiException.class, () -> Pagination.page("0", "2"));
    assertThrows(ApiException.class, () -> Pagination.page("1", "5000"));
    assertThrows(ApiException.class, () -> Pagination.page("x", "2"));
  }
}
