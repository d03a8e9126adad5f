package org.penneoarchive.infrastructure.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JmsNotificationQueueTest {

  @Test
  void oneKeyAlwaysGivesTheSameGroup() {
    assertEquals(
        JmsNotificationQueue.groupOf("casefile-531"), JmsNotificationQueue.groupOf("casefile-531"));
  }

  @Test
  void aMillionCaseFilesShareABoundedNumberOfGroupsAndUseThemAll() {
    Set<String> groups = new HashSet<>();
    for (long id = 1; id <= 1_000_000; id++) {
      groups.add(JmsNotificationQueue.groupOf("casefile-" + id));
    }
    groups.add(JmsNotificationQueue.groupOf("signer-" + Long.MAX_VALUE));
    groups.add(JmsNotificationQueue.groupOf("subscription-" + Long.MIN_VALUE));
    assertEquals(JmsNotificationQueue.GROUPS, groups.size());
    assertTrue(groups.stream().allMatch(g -> g.matches("g\\d{1,4}")), groups.toString());
  }
}
