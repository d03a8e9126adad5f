package org.penneoarchive.batch.casefiles;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.penneoarchive.application.archive.ArchiveCandidate;
import org.penneoarchive.archive.Attachment;
import org.penneoarchive.archive.ExtractedAttachment;
import org.penneoarchive.archive.PdfReport;
import org.penneoarchive.archive.SealCheck;
import org.penneoarchive.domain.Jsonp;
import org.penneoarchive.infrastructure.penneo.CaseFileInfo;
import org.penneoarchive.infrastructure.penneo.SignerInfo;

/**
 * Writes a bag's {@code data/casefile.json}: the case file (Penneo ids, title, completion time),
 * its signers, its timeline up to the completion, and per PDF the file, its fixity, pages, embedded
 * files, the XAdES files extracted and the seal check.
 *
 * <p>Deterministic by design: it holds only what is fixed once the case file is completed, in a
 * fixed order, and never the time it was written, so that archiving the same case file again
 * produces the same bytes and {@link org.penneoarchive.archive.BagWriter} finds the bag already
 * present instead of a conflict.
 */
public final class CaseFileJson {

  /** The format, so that a reader years later knows what it holds. */
  public static final String FORMAT = "penneo-archive/casefile.json/1";

  private CaseFileJson() {}

  /** One archived PDF as {@code casefile.json} describes it. */
  public record Document(
      long penneoId,
      String title,
      String documentType,
      String fileName,
      long size,
      String sha256,
      String sha512,
      PdfReport report,
      List<ExtractedAttachment> xades) {

    public Document {
      xades = List.copyOf(xades);
    }
  }

  public static byte[] build(
      CaseFileInfo info,
      ArchiveCandidate candidate,
      List<SignerInfo> signers,
      List<Document> documents) {
    JsonObjectBuilder caseFile =
        Jsonp.createObjectBuilder()
            .add("penneoId", candidate.penneoId())
            .add("status", info.status());
    put(caseFile, "title", info.title() != null ? info.title() : candidate.title());
    put(caseFile, "reference", info.reference());
    if (info.signIteration() != null) {
      caseFile.add("signIteration", info.signIteration());
    }
    if (info.userId() != null) {
      caseFile.add("userId", info.userId());
    }
    if (info.customerId() != null) {
      caseFile.add("customerId", info.customerId());
    }
    put(caseFile, "created", info.created());
    put(caseFile, "sendAt", info.sendAt());
    put(caseFile, "activated", info.activated());
    put(caseFile, "expireAt", info.expireAt());
    put(caseFile, "completedAt", candidate.completedAt());

    JsonArrayBuilder signerArray = Jsonp.createArrayBuilder();
    signers.stream()
        .sorted(Comparator.comparingLong(SignerInfo::id))
        .forEach(
            s -> {
              JsonObjectBuilder b = Jsonp.createObjectBuilder().add("penneoId", s.id());
              put(b, "name", s.name());
              put(b, "onBehalfOf", s.onBehalfOf());
              signerArray.add(b);
            });

    JsonArrayBuilder documentArray = Jsonp.createArrayBuilder();
    documents.stream()
        .sorted(Comparator.comparingLong(Document::penneoId))
        .forEach(d -> documentArray.add(document(d)));

    JsonArrayBuilder eventArray = Jsonp.createArrayBuilder();
    for (ArchiveCandidate.TimelineEvent e : candidate.events()) {
      JsonObjectBuilder b =
          Jsonp.createObjectBuilder()
              .add("topic", e.topic())
              .add("eventType", e.eventType())
              .add("eventTime", e.eventTime().toString());
      if (e.signerId() != null) {
        b.add("signerId", e.signerId());
      }
      eventArray.add(b);
    }

    JsonObject root =
        Jsonp.createObjectBuilder()
            .add("format", FORMAT)
            .add("caseFile", caseFile)
            .add("signers", signerArray)
            .add("documents", documentArray)
            .add("events", eventArray)
            .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonWriter writer =
        Jsonp.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
      writer.writeObject(root);
    }
    out.write('\n');
    return out.toByteArray();
  }

  private static JsonObjectBuilder document(Document d) {
    JsonObjectBuilder b = Jsonp.createObjectBuilder().add("penneoId", d.penneoId());
    put(b, "title", d.title());
    put(b, "documentType", d.documentType());
    b.add("file", "data/" + d.fileName())
        .add("size", d.size())
        .add("sha256", d.sha256())
        .add("sha512", d.sha512())
        .add("pages", d.report().pages());
    SealCheck verdict = d.report().seal();
    b.add("signatureValid", d.report().sealValid());
    b.add("seal", seal(verdict));
    JsonArrayBuilder seals = Jsonp.createArrayBuilder();
    d.report().seals().forEach(s -> seals.add(seal(s)));
    b.add("seals", seals);
    JsonArrayBuilder attachments = Jsonp.createArrayBuilder();
    for (Attachment a : d.report().attachments()) {
      JsonObjectBuilder ab = Jsonp.createObjectBuilder().add("name", a.name());
      if (a.size() >= 0) {
        ab.add("size", a.size());
      }
      put(ab, "mimeType", a.mimeType());
      attachments.add(ab);
    }
    b.add("attachments", attachments);
    JsonArrayBuilder xades = Jsonp.createArrayBuilder();
    for (ExtractedAttachment x : d.xades()) {
      xades.add(
          Jsonp.createObjectBuilder()
              .add("name", x.name())
              .add("file", "data/" + x.fileName())
              .add("size", x.size())
              .add("sha256", x.sha256Hex()));
    }
    b.add("xades", xades);
    return b;
  }

  private static JsonObjectBuilder seal(SealCheck s) {
    JsonObjectBuilder b =
        Jsonp.createObjectBuilder()
            .add("present", s.present())
            .add("valid", s.valid())
            .add("reason", s.reason());
    put(b, "signerSubject", s.signerSubject());
    put(b, "signingTime", s.signingTime());
    return b;
  }

  private static void put(JsonObjectBuilder b, String name, String value) {
    if (value != null) {
      b.add(name, value);
    }
  }

  private static void put(JsonObjectBuilder b, String name, Instant value) {
    if (value != null) {
      b.add(name, value.toString());
    }
  }
}
