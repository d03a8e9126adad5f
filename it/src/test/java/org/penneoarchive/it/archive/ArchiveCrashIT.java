package org.penneoarchive.it.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.penneoarchive.it.support.Deployments;
import org.penneoarchive.it.support.Http;

/**
 * The server is killed with SIGKILL in the middle of an archive job. At the next start the product
 * finds the execution left STARTED, marks it and restarts it from its checkpoint: the restart reads
 * only what was not committed, the step metrics of both add up to the case files given, and every
 * case file ends in exactly one valid bag.
 */
@ExtendWith(ArquillianExtension.class)
class ArchiveCrashIT {

  private static final int CASE_FILES = 6;

  private static long number(JsonObject run, String name) {
    return run.getJsonNumber(name).longValue();
  }

  @Deployment(testable = false)
  static WebArchive sandbox() {
    return Deployments.sandbox();
  }

  @Test
  void anInterruptedJobIsRestartedFromItsCheckpointAndArchivesEverythingOnce() throws Exception {
    Path sandboxData = Path.of(System.getProperty("it.base.dir"), "data");
    try (ProductServer product =
        new ProductServer(
            "archive-crash", 600, "768m", Deployments.sandboxUrl(), sandboxData, 5000)) {
      product.start();
      ArchiveWorld world = new ArchiveWorld(product.productUrl(), Deployments.sandboxUrl());
      world.faults("{}");
      world.subscribe();
      List<Long> ids = new ArrayList<>();
      for (int i = 0; i < CASE_FILES; i++) {
        ids.add(
            world
                .createCaseFile("Crash " + i, "[2000000,2500000]")
                .getJsonNumber("id")
                .longValue());
      }
      // Every Penneo call takes 1.5 s from now on: the job is still running when the server dies.
      // The completions arrive within the coalescing window (5 s), so one job takes them all.
      world.faults("{\"delayMs\":1500}");
      ids.forEach(world::complete);
      long archivedBeforeKill =
          Http.await(
              () -> ids.stream().filter(id -> "ARCHIVED".equals(world.state(id))).count(),
              n -> n >= 2,
              Duration.ofSeconds(240));
      assertTrue(archivedBeforeKill >= 2 && archivedBeforeKill < CASE_FILES, "mid-job");
      product.kill();

      world.faults("{}");
      product.start();
      for (long id : ids) {
        JsonObject c = world.archived(id);
        Path bag = Path.of(c.getString("bag"));
        ArchiveWorld.assertValidBag(bag);
        assertEquals(List.of(bag), ArchiveWorld.bagsOf(product.archiveRoot(), id), "one bag");
        assertEquals(2, c.getJsonArray("documents").size(), "each document recorded once");
        assertEquals(4 * 2 + 2 + 1, ArchiveWorld.list(bag.resolve("data")).size(), "nothing twice");
      }
      assertTrue(ArchiveWorld.list(product.archiveRoot().resolve(".staging")).isEmpty());
      assertTrue(ArchiveWorld.list(product.archiveRoot().resolve(".work")).isEmpty());

      List<JsonObject> runs = world.runs();
      List<JsonObject> crashed =
          runs.stream().filter(r -> "FAILED".equals(r.getString("status"))).toList();
      assertFalse(crashed.isEmpty(), "the interrupted execution is marked FAILED: " + runs);
      long committedBeforeCrash = 0;
      for (JsonObject before : crashed) {
        long instance = before.getJsonNumber("instanceId").longValue();
        List<JsonObject> restarts =
            runs.stream()
                .filter(r -> r.getJsonNumber("instanceId").longValue() == instance)
                .filter(r -> r != before)
                .collect(Collectors.toList());
        assertEquals(1, restarts.size(), "restarted once: " + runs);
        JsonObject after = restarts.get(0);
        assertEquals("COMPLETED", after.getString("status"), after.toString());
        long given = before.getJsonNumber("caseFiles").longValue();
        String both = before + " then " + after;
        assertEquals(
            given,
            number(before, "read") + number(after, "read"),
            "the restart read exactly what was not committed: " + both);
        assertEquals(
            given,
            number(before, "written") + number(after, "written"),
            "written before the crash plus after it: " + both);
        committedBeforeCrash += number(before, "written");
      }
      assertTrue(
          committedBeforeCrash >= 1, "the restart resumed after a checkpoint, not from the start");
    }
  }
}
