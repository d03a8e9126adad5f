package org.penneoarchive.infrastructure.penneo;

import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * A signer as Penneo's REST API describes it ({@code GET signers/{id}} or {@code GET
 * casefiles/{id}/signers}).
 *
 * <p>The signing-request fields (e-mail, status, reject reason) are read from a nested {@code
 * signingRequest} object when there is one, else from the signer itself, as the two API versions
 * differ. Optional fields are {@code null} when Penneo leaves them out.
 *
 * @param id Penneo's signer id
 * @param caseFileId the case file it belongs to ({@code caseFileId} or {@code caseFile.id}), or
 *     {@code null}
 * @param name the signer's name, or {@code null}
 * @param onBehalfOf whom the signer signs for, or {@code null}
 * @param email the e-mail of the signing request, or {@code null}
 * @param signingRequestStatus the signing-request status code (not a case-file code), or {@code
 *     null}
 * @param rejectReason why the signer rejected, or {@code null}
 * @param raw Penneo's answer as it came
 */
public record SignerInfo(
    long id,
    Long caseFileId,
    String name,
    String onBehalfOf,
    String email,
    Integer signingRequestStatus,
    String rejectReason,
    JsonObject raw) {

  public SignerInfo {
    Objects.requireNonNull(raw, "raw");
  }

  static SignerInfo from(PenneoCall call, JsonObject o, Long knownCaseFileId) {
    Long caseFileId = PenneoJson.longOrNull(o, "caseFileId");
    if (caseFileId == null) {
      caseFileId = PenneoJson.longOrNull(o, "casefileId");
    }
    JsonObject caseFile = PenneoJson.objectOrNull(o, "caseFile");
    if (caseFileId == null && caseFile != null) {
      caseFileId = PenneoJson.longOrNull(caseFile, "id");
    }
    JsonObject request = PenneoJson.objectOrNull(o, "signingRequest");
    JsonObject r = request != null ? request : o;
    return new SignerInfo(
        PenneoJson.requiredLong(call, o, "id"),
        caseFileId != null ? caseFileId : knownCaseFileId,
        PenneoJson.stringOrNull(o, "name"),
        PenneoJson.stringOrNull(o, "onBehalfOf"),
        PenneoJson.stringOrNull(r, "email"),
        PenneoJson.intOrNull(r, "status"),
        PenneoJson.stringOrNull(r, "rejectReason"),
        o);
  }
}
