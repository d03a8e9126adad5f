package org.penneosandbox.casefile;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/**
 * Case files, documents and signers as Penneo's API shows them (times as Unix seconds, as in
 * Penneo's {@code created} fields). The full forms are also the full notification payloads.
 */
public final class CaseFileJson {
  private CaseFileJson() {}

  public static JsonObject caseFile(CaseFile cf) {
    return caseFileBuilder(cf).build();
  }

  /** {@code /api/v1/casefiles/{id}}: the case file with its documents and signers. */
  public static JsonObject caseFileWithChildren(CaseFile cf) {
    JsonArrayBuilder docs = Json.createArrayBuilder();
    cf.documents().forEach(d -> docs.add(document(d)));
    JsonArrayBuilder signers = Json.createArrayBuilder();
    cf.signers().forEach(s -> signers.add(signer(s)));
    return caseFileBuilder(cf).add("documents", docs).add("signers", signers).build();
  }

  private static JsonObjectBuilder caseFileBuilder(CaseFile cf) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("id", cf.id())
            .add("title", cf.title())
            .add("status", cf.status())
            .add("reference", cf.reference())
            .add("language", "en")
            .add("metaData", Json.createValue("{\"source\":\"penneo-sandbox\"}"))
            .add("userId", cf.ownerUserId())
            .add("customerId", cf.customerId())
            .add("signIteration", cf.signIteration());
    time(b, "created", cf.created());
    time(b, "sendAt", cf.sendAt());
    time(b, "activated", cf.activated());
    time(b, "expireAt", cf.expireAt());
    return b;
  }

  public static JsonObject document(Document d) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("id", d.id())
            .add("caseFileId", d.caseFileId())
            .add("title", d.title())
            .add("status", d.status())
            .add("documentType", "signable")
            .add("pages", d.pages());
    time(b, "created", d.created());
    return b.build();
  }

  public static JsonObject signer(Signer s) {
    JsonObjectBuilder request =
        Json.createObjectBuilder().add("email", s.email()).add("status", s.status());
    if (s.rejectReason() == null) {
      request.addNull("rejectReason");
    } else {
      request.add("rejectReason", s.rejectReason());
    }
    return Json.createObjectBuilder()
        .add("id", s.id())
        .add("caseFileId", s.caseFileId())
        .add("name", s.name())
        .addNull("onBehalfOf")
        .add("status", s.status())
        .add("signingRequest", request)
        .build();
  }

  private static void time(JsonObjectBuilder b, String name, Instant t) {
    if (t == null) {
      b.addNull(name);
    } else {
      b.add(name, t.getEpochSecond());
    }
  }
}
