package org.penneoarchive.batch.casefiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.penneoarchive.application.archive.ArchiveCandidate;
import org.penneoarchive.archive.Attachment;
import org.penneoarchive.archive.ExtractedAttachment;
import org.penneoarchive.archive.PdfReport;
import org.penneoarchive.archive.SealCheck;
import org.penneoarchive.infrastructure.penneo.CaseFileInfo;
import org.penneoarchive.infrastructure.penneo.SignerInfo;

class CaseFileJsonTest {

  private static final Instant COMPLETED = Instant.parse("2026-06-01T08:00:00.517791Z");
  private static final String SHA256 = "a".repeat(64);
  private static final String SHA512 = "b".repeat(128);

  private static CaseFileInfo info() {
    return new CaseFileInfo(
        531,
        "Loan agreement",
        5,
        1,
        "REF-1",
        Instant.parse("2026-05-30T10:00:00Z"),
        null,
        Instant.parse("2026-05-30T10:05:00Z"),
        null,
        7102L,
        7001L,
        Json.createObjectBuilder().add("id", 531).build());
  }

  private static ArchiveCandidate candidate() {
    return new ArchiveCandidate(
        531,
        "Loan agreement",
        COMPLETED,
        List.of(
            new ArchiveCandidate.TimelineEvent("signer", "signed", COMPLETED.minusSeconds(5), 602L),
            new ArchiveCandidate.TimelineEvent("casefile", "completed", COMPLETED, null)));
  }

  private static List<SignerInfo> signers() {
    JsonObject raw = Json.createObjectBuilder().build();
    return List.of(
        new SignerInfo(602, 531L, "Bo", null, "bo@example.com", 4, null, raw),
        new SignerInfo(601, 531L, "Ann", "ACME", "ann@example.com", 4, null, raw));
  }

  private static CaseFileJson.Document document(long id, boolean valid) {
    SealCheck seal =
        valid
            ? new SealCheck(true, true, "valid", "CN=Seal", COMPLETED)
            : new SealCheck(true, false, "the signed bytes were changed", "CN=Seal", null);
    return new CaseFileJson.Document(
        id,
        "Contract " + id,
        "contract",
        id + "-Contract_" + id + ".pdf",
        1234,
        SHA256,
        SHA512,
        new PdfReport(
            3, List.of(new Attachment("Signature for Ann", 900, "text/xml")), List.of(seal)),
        List.of(
            new ExtractedAttachment(
                "Signature for Ann",
                id + "-xades-Signature_for_Ann.xml",
                Path.of("/tmp/x.xml"),
                900,
                SHA256,
                SHA512)));
  }

  @Test
  void theSameCaseFileGivesTheSameBytes() {
    byte[] first =
        CaseFileJson.build(
            info(), candidate(), signers(), List.of(document(9, true), document(8, false)));
    byte[] second =
        CaseFileJson.build(
            info(),
            candidate(),
            List.of(signers().get(1), signers().get(0)),
            List.of(document(8, false), document(9, true)));
    assertArrayEquals(first, second);
  }

  @Test
  void holdsTheCaseFileItsSignersEventsAndTheSealOfEachPdf() {
    JsonObject json =
        Json.createReader(
                new ByteArrayInputStream(
                    CaseFileJson.build(
                        info(),
                        candidate(),
                        signers(),
                        List.of(document(9, true), document(8, false)))))
            .readObject();
    assertEquals(CaseFileJson.FORMAT, json.getString("format"));
    JsonObject caseFile = json.getJsonObject("caseFile");
    assertEquals(531, caseFile.getInt("penneoId"));
    assertEquals("Loan agreement", caseFile.getString("title"));
    assertEquals("2026-06-01T08:00:00.517791Z", caseFile.getString("completedAt"));
    assertEquals(601, json.getJsonArray("signers").getJsonObject(0).getInt("penneoId"));
    assertFalse(json.toString().contains("example.com"), "no e-mail addresses in the archive");
    var documents = json.getJsonArray("documents");
    JsonObject invalid = documents.getJsonObject(0);
    assertEquals(8, invalid.getInt("penneoId"));
    assertEquals("data/8-Contract_8.pdf", invalid.getString("file"));
    assertFalse(invalid.getBoolean("signatureValid"));
    assertEquals(
        "the signed bytes were changed", invalid.getJsonObject("seal").getString("reason"));
    assertEquals(
        "data/8-xades-Signature_for_Ann.xml",
        invalid.getJsonArray("xades").getJsonObject(0).getString("file"));
    assertEquals(true, documents.getJsonObject(1).getBoolean("signatureValid"));
    assertEquals(2, json.getJsonArray("events").size());
    assertEquals("completed", json.getJsonArray("events").getJsonObject(1).getString("eventType"));
  }
}
