package org.penneoarchive.it.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.penneoarchive.it.support.Deployments;
import org.penneoarchive.it.support.Http;

/**
 * Completed case files at the sandbox end as bags in the archive: complete and valid for an
 * independent BagIt verifier, PDFs byte-identical to what the sandbox served, XAdES files beside
 * them, safe names for hostile titles; exactly once whatever repeats; faults end archived after
 * retries or quarantined with a reason, never a partial bag.
 */
@ExtendWith(ArquillianExtension.class)
class ArchivePipelineIT {

  private static boolean subscribed;

  @Deployment(name = "sandbox", order = 1, testable = false)
  static WebArchive sandbox() {
    return Deployments.sandbox();
  }

  @Deployment(name = "product", order = 2, testable = false)
  static EnterpriseArchive product() {
    return Deployments.product();
  }

  final ArchiveWorld world = new ArchiveWorld(Deployments.productUrl(), Deployments.sandboxUrl());

  static final Path ARCHIVE_ROOT =
      Path.of(System.getProperty("it.base.dir"), "data", "penneo-archive", "archive");

  @BeforeEach
  void subscribe() {
    if (!subscribed) {
      world.subscribe();
      subscribed = true;
    }
  }

  @AfterEach
  void clearFaults() {
    world.faults("{}");
  }

  @Test
  void completedCaseFilesBecomeValidBagsWithTheBytesPenneoServed() {
    String cjk = "契約書".repeat(100);
    Map<Long, JsonObject> created = new HashMap<>();
    for (String documents :
        List.of(
            "[30000]",
            "[{\"title\":\"../../etc/x\",\"size\":20000},{\"title\":\""
                + cjk
                + "\",\"size\":600000},"
                + "{\"title\":\"Annex.pdf\",\"size\":3000000}]",
            "[100000,1500000]")) {
      JsonObject c = world.createCaseFile("Pipeline " + documents.length(), documents);
      created.put(c.getJsonNumber("id").longValue(), c);
    }
    created.keySet().forEach(world::complete);

    for (var entry : created.entrySet()) {
      long id = entry.getKey();
      JsonObject caseFile = world.archived(id);
      Path bag = Path.of(caseFile.getString("bag"));
      ArchiveWorld.assertValidBag(bag);
      assertEquals(List.of(bag), ArchiveWorld.bagsOf(ArchiveWorld.rootOf(bag), id));
      assertTrue(bag.getFileName().toString().equals("casefile-" + id));

      var documentIds = entry.getValue().getJsonArray("documentIds");
      var documents = caseFile.getJsonArray("documents");
      assertEquals(documentIds.size(), documents.size(), "one record per document");
      JsonObject json = ArchiveWorld.read(bag.resolve("data/casefile.json"));
      assertEquals(id, json.getJsonObject("caseFile").getJsonNumber("penneoId").longValue());
      for (JsonValue v : documents) {
        JsonObject d = v.asJsonObject();
        long documentId = d.getJsonNumber("penneoId").longValue();
        Path pdf = Path.of(d.getString("path"));
        assertEquals(bag.resolve("data"), pdf.getParent(), "the PDF is in the bag's data/");
        String name = pdf.getFileName().toString();
        assertTrue(name.startsWith(documentId + "-") && name.endsWith(".pdf"), name);
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 200, name);
        assertFalse(name.contains("..") || name.contains("/"), name);

        byte[] served = world.served(documentId);
        assertEquals(ArchiveWorld.sha256(served), ArchiveWorld.sha256(pdf), "byte-identical");
        assertEquals(served.length, d.getJsonNumber("size").longValue());
        assertEquals(ArchiveWorld.sha256(served), d.getString("sha256"));
        assertEquals(128, d.getString("sha512").length());
        assertTrue(d.getInt("pages") > 0);
        assertTrue(d.getBoolean("signatureValid"), "seal verified against the sandbox CA: " + d);

        long xades =
            ArchiveWorld.list(bag.resolve("data")).stream()
                .map(p -> p.getFileName().toString())
                .filter(n -> n.startsWith(documentId + "-xades-") && n.endsWith(".xml"))
                .count();
        assertEquals(4, xades, "Signature and Signed data for each of the two signers");

        JsonObject described =
            json.getJsonArray("documents").stream()
                .map(JsonValue::asJsonObject)
                .filter(o -> o.getJsonNumber("penneoId").longValue() == documentId)
                .findFirst()
                .orElseThrow();
        assertEquals("data/" + name, described.getString("file"));
        assertTrue(described.getBoolean("signatureValid"));
        assertEquals("valid", described.getJsonObject("seal").getString("reason"));
      }
    }
    assertTrue(ArchiveWorld.list(ARCHIVE_ROOT.resolve(".staging")).isEmpty(), "no staging left");
  }

  @Test
  void repeatedCompletionsASweepAndARerunAddNoSecondCopy() {
    long id =
        world.createCaseFile("Exactly once", "[40000,250000]").getJsonNumber("id").longValue();
    world.play(id, "{\"to\":\"completed\",\"repeat\":3,\"shuffle\":true}");
    JsonObject first = world.archived(id);
    Path bag = Path.of(first.getString("bag"));

    long sweep = world.startSweep();
    assertEquals("COMPLETED", world.awaitRunEnded(sweep).getString("status"));
    var again =
        Http.send(
            Http.request(world.api("casefiles/" + id + "/archive"), Http.ADMIN)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertEquals(409, again.statusCode(), again.body());
    long secondSweep = world.startSweep();
    assertEquals("COMPLETED", world.awaitRunEnded(secondSweep).getString("status"));

    JsonObject after = world.caseFile(id);
    assertEquals("ARCHIVED", after.getString("state"));
    assertEquals(first.getJsonArray("documents"), after.getJsonArray("documents"), "unchanged");
    assertEquals(List.of(bag), ArchiveWorld.bagsOf(ArchiveWorld.rootOf(bag), id));
    ArchiveWorld.assertValidBag(bag);
    assertEquals(
        4 * 2 + 2 + 1,
        ArchiveWorld.list(bag.resolve("data")).size(),
        "two PDFs, their XAdES files and casefile.json, nothing twice");
  }

  @Test
  void aSealThatDoesNotVerifyIsArchivedAsServedWithTheReason() {
    long id =
        world.createCaseFile("Changed after signing", "[2000000]").getJsonNumber("id").longValue();
    world.faults("{\"pdf\":\"corrupt\"}");
    world.complete(id);
    JsonObject caseFile = world.archived(id);
    JsonObject d = caseFile.getJsonArray("documents").getJsonObject(0);
    assertFalse(d.getBoolean("signatureValid"));
    assertNotEquals("valid", d.getString("sealReason"));
    byte[] served = world.served(d.getJsonNumber("penneoId").longValue());
    assertEquals(ArchiveWorld.sha256(served), d.getString("sha256"), "archived as served");

    Path bag = Path.of(caseFile.getString("bag"));
    ArchiveWorld.assertValidBag(bag);
    JsonObject described =
        ArchiveWorld.read(bag.resolve("data/casefile.json"))
            .getJsonArray("documents")
            .getJsonObject(0);
    assertFalse(described.getBoolean("signatureValid"));
    assertEquals(d.getString("sealReason"), described.getJsonObject("seal").getString("reason"));
    assertTrue(
        world.tasks(id).stream()
            .anyMatch(
                t ->
                    t.getString("kind").equals("ARCHIVE_FAILED")
                        && t.getString("summary").contains("does not verify")),
        "a staff task: " + world.tasks(id));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"api\":{\"status\":503,\"rate\":0.3}}",
        "{\"api\":{\"status\":429,\"rate\":0.4,\"retryAfter\":1}}",
        "{\"reset\":{\"rate\":0.2}}",
        "{\"delayMs\":2500}",
        "{\"notReady\":{\"mode\":\"409\",\"ms\":4000}}",
        "{\"notReady\":{\"mode\":\"404\",\"ms\":4000}}",
        "{\"notReady\":{\"mode\":\"status4\",\"ms\":4000}}"
      })
  void passingFaultsEndArchivedAfterRetries(String faults) {
    JsonObject created = world.createCaseFile("Faults " + faults, "[60000,900000]");
    long id = created.getJsonNumber("id").longValue();
    world.faults(faults);
    world.complete(id);
    // A case file deferred by the job (ARCHIVE_FAILED, retryable) is taken by the next sweep.
    String state =
        Http.await(
            () -> {
              String s = world.state(id);
              if ("ARCHIVE_FAILED".equals(s)) {
                world.awaitRunEnded(world.startSweep());
                s = world.state(id);
              }
              return s;
            },
            "ARCHIVED"::equals,
            Duration.ofSeconds(240));
    assertEquals("ARCHIVED", state, "with faults " + faults);
    world.faults("{}");
    JsonObject caseFile = world.caseFile(id);
    Path bag = Path.of(caseFile.getString("bag"));
    ArchiveWorld.assertValidBag(bag);
    for (JsonValue v : caseFile.getJsonArray("documents")) {
      JsonObject d = v.asJsonObject();
      assertEquals(
          ArchiveWorld.sha256(world.served(d.getJsonNumber("penneoId").longValue())),
          ArchiveWorld.sha256(Path.of(d.getString("path"))));
      assertTrue(d.getBoolean("signatureValid"));
    }
  }

  @Test
  void truncatedDownloadsQuarantineWithoutABagUntilArchivedAgain() {
    long id = world.createCaseFile("Cut short", "[300000]").getJsonNumber("id").longValue();
    world.faults("{\"pdf\":\"truncated\"}");
    world.complete(id);
    JsonObject failed = world.await(id, Set.of("ARCHIVE_FAILED"), Duration.ofSeconds(180));
    String reason = failed.getString("quarantineReason", "");
    assertTrue(reason.contains("document"), "a clear reason: " + reason);
    assertTrue(ArchiveWorld.bagsOf(ARCHIVE_ROOT, id).isEmpty(), "never a partial bag");
    assertTrue(ArchiveWorld.list(ARCHIVE_ROOT.resolve(".staging")).isEmpty());
    assertTrue(
        Files.isDirectory(ARCHIVE_ROOT.resolve(".quarantine").resolve("casefile-" + id)),
        "the offending file is kept in quarantine");
    assertTrue(failed.getJsonArray("documents").isEmpty());
    assertTrue(
        world.tasks(id).stream().anyMatch(t -> t.getString("kind").equals("ARCHIVE_FAILED")),
        "a staff task: " + world.tasks(id));

    long sweep = world.startSweep();
    world.awaitRunEnded(sweep);
    assertEquals("ARCHIVE_FAILED", world.state(id), "a sweep leaves a quarantined case file");

    world.faults("{}");
    var again =
        Http.send(
            Http.request(world.api("casefiles/" + id + "/archive"), Http.ADMIN)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertEquals(202, again.statusCode(), again.body());
    JsonObject archived = world.archived(id);
    assertFalse(archived.containsKey("quarantineReason"));
    ArchiveWorld.assertValidBag(Path.of(archived.getString("bag")));
  }

  @Test
  void theFixityAuditFindsABagChangedOnDisk() throws Exception {
    long id = world.createCaseFile("Audited", "[50000]").getJsonNumber("id").longValue();
    world.complete(id);
    Path bag = Path.of(world.archived(id).getString("bag"));
    JsonObject clean = world.audit();
    assertEquals("COMPLETED", clean.getString("status"), clean.toString());
    assertTrue(clean.getInt("bagsChecked") >= 1, clean.toString());
    assertTrue(
        clean.getJsonArray("findings").stream()
            .noneMatch(f -> f.asJsonObject().getString("bag").equals(bag.toString())),
        "a fresh bag matches its manifests: " + clean);

    Path json = bag.resolve("data/casefile.json");
    String original = Files.readString(json);
    Files.writeString(json, original.replace("Audited", "Edited!"));
    try {
      JsonObject found = world.audit();
      assertTrue(found.getInt("bagsFailed") >= 1, found.toString());
      assertTrue(
          found.getJsonArray("findings").stream()
              .map(JsonValue::asJsonObject)
              .anyMatch(
                  f ->
                      f.getString("bag").equals(bag.toString())
                          && f.getString("kind").equals("MISMATCH")
                          && f.getString("detail").contains("data/casefile.json")),
          "the changed file is named: " + found);
    } finally {
      // Leave the archive as found: later tests audit it too.
      Files.writeString(json, original);
    }
  }

  @Test
  void onlyAdminsStartRunsAndStaffSeeThem() {
    var staff =
        Http.send(
            Http.request(world.api("archive/runs"), Http.STAFF)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertEquals(403, staff.statusCode(), staff.body());
    var anonymous = Http.get(world.api("archive/runs"), null);
    assertEquals(401, anonymous.statusCode());
    var unknown =
        Http.send(
            Http.request(world.api("casefiles/999999999/archive"), Http.ADMIN)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertEquals(404, unknown.statusCode(), unknown.body());
    long sweep = world.startSweep();
    JsonObject run = world.awaitRunEnded(sweep);
    assertEquals("sweep", run.getString("kind"));
    assertEquals("it-admin", run.getString("requestedBy"));
    assertTrue(run.containsKey("durationMillis"));
    assertEquals(
        run.getJsonNumber("read").longValue(),
        run.getJsonNumber("written").longValue()
            + run.getJsonNumber("filtered").longValue()
            + run.getJsonNumber("skipped").longValue(),
        "every case file read was written, filtered or skipped: " + run);
  }
}
