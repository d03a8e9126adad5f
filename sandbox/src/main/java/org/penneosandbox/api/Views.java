package org.penneosandbox.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import org.penneosandbox.Sandbox;
import org.penneosandbox.casefile.CaseFile;
import org.penneosandbox.casefile.CaseFileJson;
import org.penneosandbox.casefile.Document;
import org.penneosandbox.casefile.Status;

/**
 * Case file JSON as the API shows it right now: with a "status4" not-ready fault, a completed case
 * file and its documents still say 4 for a while.
 */
@ApplicationScoped
public class Views {

  @Inject Sandbox sandbox;

  int status(CaseFile cf) {
    return sandbox.faults().apparentStatus(cf, Instant.now());
  }

  JsonObject caseFile(CaseFile cf) {
    return adjust(cf, CaseFileJson.caseFile(cf));
  }

  JsonObject caseFileWithChildren(CaseFile cf) {
    return adjust(cf, CaseFileJson.caseFileWithChildren(cf));
  }

  JsonObject document(CaseFile cf, Document d) {
    return adjustDocument(cf, CaseFileJson.document(d));
  }

  private JsonObject adjust(CaseFile cf, JsonObject json) {
    int apparent = status(cf);
    if (apparent == cf.status()) {
      return json;
    }
    var b = Json.createObjectBuilder(json).add("status", apparent);
    if (json.containsKey("documents")) {
      var docs = Json.createArrayBuilder();
      json.getJsonArray("documents").forEach(d -> docs.add(adjustDocument(cf, d.asJsonObject())));
      b.add("documents", docs);
    }
    return b.build();
  }

  /** While the case file shows 4, its documents show 4 (signed, PDF not generated) too. */
  private JsonObject adjustDocument(CaseFile cf, JsonObject json) {
    if (status(cf) == cf.status()) {
      return json;
    }
    return Json.createObjectBuilder(json).add("status", Status.DOCUMENT_SIGNED).build();
  }
}
