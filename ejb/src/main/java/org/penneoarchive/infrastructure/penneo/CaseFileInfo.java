package org.penneoarchive.infrastructure.penneo;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * A case file as Penneo's REST API ({@code GET casefiles/{id}}) describes it.
 *
 * <p>The fields the product acts on are typed; the whole answer is kept as {@link #raw()} for the
 * archive's {@code casefile.json} and for fields that Penneo adds later. Optional fields are {@code
 * null} when Penneo leaves them out.
 *
 * @param id Penneo's case-file id
 * @param title the title, or {@code null}
 * @param status the case-file status code (see {@link #COMPLETED} and its siblings)
 * @param signIteration the signing round, or {@code null}
 * @param reference the customer's reference, or {@code null}
 * @param created when it was created, or {@code null}
 * @param sendAt when it is or was sent, or {@code null}
 * @param activated when it was activated, or {@code null}
 * @param expireAt when it expires, or {@code null}
 * @param userId the owning user, or {@code null}
 * @param customerId the owning customer, or {@code null}
 * @param raw Penneo's answer as it came
 */
public record CaseFileInfo(
    long id,
    String title,
    int status,
    Integer signIteration,
    String reference,
    Instant created,
    Instant sendAt,
    Instant activated,
    Instant expireAt,
    Long userId,
    Long customerId,
    JsonObject raw) {

  public static final int NEW = 0;
  public static final int PENDING = 1;
  public static final int REJECTED = 2;
  public static final int DELETED = 3;
  public static final int SIGNED = 4;
  public static final int COMPLETED = 5;
  public static final int EXPIRED = 7;

  public CaseFileInfo {
    Objects.requireNonNull(raw, "raw");
  }

  /** Whether Penneo says every signer signed and the signed PDFs are ready (status 5). */
  public boolean isCompleted() {
    return status == COMPLETED;
  }

  static CaseFileInfo from(PenneoCall call, JsonObject o) {
    return new CaseFileInfo(
        PenneoJson.requiredLong(call, o, "id"),
        PenneoJson.stringOrNull(o, "title"),
        PenneoJson.requiredInt(call, o, "status"),
        PenneoJson.intOrNull(o, "signIteration"),
        PenneoJson.stringOrNull(o, "reference"),
        PenneoJson.instantOrNull(o, "created"),
        PenneoJson.instantOrNull(o, "sendAt"),
        PenneoJson.instantOrNull(o, "activated"),
        PenneoJson.instantOrNull(o, "expireAt"),
        PenneoJson.longOrNull(o, "userId"),
        PenneoJson.longOrNull(o, "customerId"),
        o);
  }
}
