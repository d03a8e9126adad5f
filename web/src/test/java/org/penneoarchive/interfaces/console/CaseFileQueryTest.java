package org.penneoarchive.interfaces.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.penneoarchive.application.dashboard.CaseFileCriteria.Sort;
import org.penneoarchive.application.subscription.InvalidRequestException;
import org.penneoarchive.domain.casefile.CaseFileState;

class CaseFileQueryTest {

  @Test
  void daysAreWholeDaysInTheViewersZoneAndToIncludesItsDay() {
    CaseFileQuery q = new CaseFileQuery();
    q.setFrom("2026-06-01");
    q.setTo("2026-06-01");
    var c = q.criteria(ZoneId.of("Europe/Copenhagen"), 25);
    assertEquals(Instant.parse("2026-05-31T22:00:00Z"), c.activityFrom());
    assertEquals(Instant.parse("2026-06-01T22:00:00Z"), c.activityTo());
  }

  @Test
  void textBecomesCriteria() {
    CaseFileQuery q = new CaseFileQuery();
    q.setId(" 4711 ");
    q.setState("rejected");
    q.setSigner("Ølgaard");
    var c = q.criteria(ZoneId.of("UTC"), 25);
    assertEquals(4711L, c.penneoId());
    assertEquals(CaseFileState.REJECTED, c.state());
    assertEquals("Ølgaard", c.signer());
    assertEquals(Sort.LAST_ACTIVITY, c.sort());
  }

  @Test
  void badInputIsARefusalThatSaysWhy() {
    CaseFileQuery q = new CaseFileQuery();
    q.setId("12a");
    assertThrows(InvalidRequestException.class, () -> q.criteria(ZoneId.of("UTC"), 25));
    CaseFileQuery d = new CaseFileQuery();
    d.setFrom("1.6.2026");
    assertThrows(InvalidRequestException.class, () -> d.criteria(ZoneId.of("UTC"), 25));
  }

  @Test
  void sortLinksTurnTheDirectionOnASecondClickAndGoBackToTheFirstPage() {
    CaseFileQuery q = new CaseFileQuery();
    q.setTitle("lease & co");
    q.setPage(3);
    CaseFileQuery byTitle = q.sortedBy(Sort.TITLE);
    assertEquals("casefiles.xhtml?title=lease+%26+co&sort=TITLE&dir=asc", byTitle.url());
    assertEquals("ascending", byTitle.ariaSort(Sort.TITLE));
    assertEquals("none", byTitle.ariaSort(Sort.STATE));
    assertEquals(
        "casefiles.xhtml?title=lease+%26+co&sort=TITLE&dir=desc",
        byTitle.sortedBy(Sort.TITLE).url());
    assertEquals("casefiles.xhtml?title=lease+%26+co&page=3", q.atPage(3).url());
  }

  @Test
  void theChartsAxisEndsOnARoundNumberInFourSteps() {
    assertEquals(4, BarChart.niceCeiling(1));
    assertEquals(4, BarChart.niceCeiling(3));
    assertEquals(8, BarChart.niceCeiling(5));
    assertEquals(20, BarChart.niceCeiling(17));
    assertEquals(400, BarChart.niceCeiling(321));
  }
}
