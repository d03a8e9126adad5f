package org.penneoarchive.it.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.penneoarchive.it.support.Deployments;

/**
 * A 500 MB signed PDF is archived by a product server running with a 256 MB heap: downloads,
 * hashing, PDF checks, XAdES extraction and bagging all stream.
 */
@ExtendWith(ArquillianExtension.class)
class LargeDocumentIT {

  private static final long SIZE = 500L * 1024 * 1024;

  @Deployment(testable = false)
  static WebArchive sandbox() {
    return Deployments.sandbox();
  }

  @Test
  void aFiveHundredMegabytePdfIsArchivedWithA256MegabyteHeap() throws Exception {
    Path sandboxData = Path.of(System.getProperty("it.base.dir"), "data");
    try (ProductServer product =
        new ProductServer(
            "archive-large", 620, "256m", Deployments.sandboxUrl(), sandboxData, 1000)) {
      product.start();
      ArchiveWorld world = new ArchiveWorld(product.productUrl(), Deployments.sandboxUrl());
      world.faults("{}");
      world.subscribe();
      JsonObject created = world.createCaseFile("Very large", "[" + SIZE + "]");
      long id = created.getJsonNumber("id").longValue();
      long documentId = created.getJsonArray("documentIds").getJsonNumber(0).longValue();
      world.complete(id);

      JsonObject caseFile =
          world.await(id, java.util.Set.of("ARCHIVED"), java.time.Duration.ofMinutes(10));
      JsonObject d = caseFile.getJsonArray("documents").getJsonObject(0);
      Path pdf = Path.of(d.getString("path"));
      assertTrue(Files.size(pdf) >= SIZE - 1024 * 1024, "about 500 MB: " + Files.size(pdf));
      assertEquals(world.servedSha256(documentId), d.getString("sha256"));
      assertEquals(d.getString("sha256"), ArchiveWorld.sha256(pdf));
      assertTrue(d.getBoolean("signatureValid"), d.toString());
      ArchiveWorld.assertValidBag(Path.of(caseFile.getString("bag")));
      assertFalse(
          Files.readString(product.consoleLog()).contains("OutOfMemoryError"),
          "no OutOfMemoryError in " + product.consoleLog());
    }
  }
}
