package org.penneoarchive.interfaces.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.penneoarchive.application.dashboard.DayCount;

class BarChartTest {

  private static List<DayCount> days(long... counts) {
    List<DayCount> out = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      out.add(new DayCount(LocalDate.of(2026, 6, 1).plusDays(i), counts[i]));
    }
    return out;
  }

  @Test
  void threeSeriesSideBySideInEachDaysSlotScaledToOneCeiling() {
    BarChart chart = new BarChart(List.of(days(4, 0, 10), days(2, 1, 3), days(0, 7, 5)));

    assertEquals(9, chart.getBars().size(), "a bar per series and day");
    assertEquals(20, chart.getMax(), "4 steps of 5 cover the largest count, 10");
    List<BarChart.Bar> firstDay = chart.getBars().subList(0, 3);
    assertEquals(List.of(0, 1, 2), firstDay.stream().map(BarChart.Bar::series).toList());
    for (int k = 1; k < 3; k++) {
      assertEquals(
          firstDay.get(k - 1).x() + firstDay.get(k - 1).width(),
          firstDay.get(k).x(),
          "side by side, not overlapping");
    }
    int slot = (BarChart.WIDTH - BarChart.LEFT) / 3;
    BarChart.Bar lastOfFirstDay = firstDay.get(2);
    assertTrue(lastOfFirstDay.x() + lastOfFirstDay.width() <= BarChart.LEFT + slot);

    BarChart.Bar ten = chart.getBars().get(6);
    BarChart.Bar five = chart.getBars().get(8);
    assertEquals(10, ten.value());
    assertEquals(ten.height(), 2 * five.height(), 1, "heights in proportion to the counts");
    assertEquals(
        BarChart.HEIGHT - BarChart.BOTTOM, ten.y() + ten.height(), "bars stand on the x axis");
  }
}
