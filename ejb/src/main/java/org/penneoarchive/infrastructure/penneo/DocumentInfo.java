package org.penneoarchive.infrastructure.penneo;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * A document of a case file as Penneo's REST API ({@code GET casefiles/{id}/documents}) lists it.
 *
 * <p>The archive needs the id (to download the signed PDF) and the title (to name the file); the
 * rest is kept in {@link #raw()}. Optional fields are {@code null} when Penneo leaves them out.
 *
 * @param id Penneo's document id
 * @param caseFileId the case file it belongs to, or {@code null} when the answer does not say
 * @param title the title, or {@code null}
 * @param status the document status code, or {@code null}
 * @param documentType Penneo's document type, or {@code null}
 * @param created when it was created, or {@code null}
 * @param raw Penneo's answer as it came
 */
public record DocumentInfo(
    long id,
    Long caseFileId,
    String title,
    Integer status,
    String documentType,
    Instant created,
    JsonObject raw) {

  public DocumentInfo {
    Objects.requireNonNull(raw, "raw");
  }

  static DocumentInfo from(PenneoCall call, JsonObject o, Long caseFileId) {
    Long own = PenneoJson.longOrNull(o, "caseFileId");
    JsonObject caseFile = PenneoJson.objectOrNull(o, "caseFile");
    if (own == null && caseFile != null) {
      own = PenneoJson.longOrNull(caseFile, "id");
    }
    return new DocumentInfo(
        PenneoJson.requiredLong(call, o, "id"),
        own != null ? own : caseFileId,
        PenneoJson.stringOrNull(o, "title"),
        PenneoJson.intOrNull(o, "status"),
        PenneoJson.stringOrNull(o, "documentType"),
        PenneoJson.instantOrNull(o, "created"),
        o);
  }
}
