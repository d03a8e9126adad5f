package org.penneoarchive.domain.event;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One Penneo notification the product understands, in one vocabulary whichever service sent it.
 *
 * @param topic {@code CASEFILE} or {@code SIGNER} (webhook-service events are test pings, see
 *     {@link WebhookBody.TestNotification})
 * @param eventType always the legacy short name ({@code completed}, {@code signed}, {@code
 *     requestSent} …), possibly one the product does not know (see {@link EventTypes#isKnown})
 * @param subjectId {@code payload.id}: the case file id for casefile events, the signer id for
 *     signer events
 * @param caseFileId the case file: equal to {@code subjectId} for casefile events; {@code
 *     payload.caseFileId} for signer events, {@code null} when the payload does not say (it is then
 *     resolved at Penneo)
 * @param signerId the signer id for signer events ({@code = subjectId}); {@code null} for casefile
 *     events
 * @param eventTime when it happened at Penneo, to the microsecond
 * @param status {@code payload.status}, if given: a case-file code for casefile events, a
 *     signing-request code for signer events. Informative only: Penneo's own example pairs {@code
 *     completed} with status 2, so irreversible steps read the API instead.
 * @param title the case file's title when the payload is a full one (super API user), else {@code
 *     null}
 * @param payload the payload as received, kept for the record
 */
public record PenneoEvent(
    Topic topic,
    String eventType,
    long subjectId,
    Long caseFileId,
    Long signerId,
    Instant eventTime,
    Integer status,
    String title,
    JsonObject payload) {

  /** Longest title kept. */
  public static final int MAX_TITLE_LENGTH = 1000;

  public PenneoEvent {
    Objects.requireNonNull(topic, "topic");
    if (topic == Topic.WEBHOOK) {
      throw new IllegalArgumentException(
          "A Penneo event is about a case file or a signer; webhook-service events are tests.");
    }
    if (!EventTypes.isShortName(eventType)) {
      throw new IllegalArgumentException(
          "A Penneo event needs a legacy short event type such as completed, not \""
              + eventType
              + "\".");
    }
    if (subjectId <= 0) {
      throw new IllegalArgumentException(
          "A Penneo event needs a positive payload id, not " + subjectId + ".");
    }
    if (topic == Topic.CASEFILE) {
      if (caseFileId == null || caseFileId != subjectId) {
        throw new IllegalArgumentException(
            "A casefile event's case file id must equal its payload id " + subjectId + ".");
      }
      if (signerId != null) {
        throw new IllegalArgumentException("A casefile event has no signer id.");
      }
    } else {
      if (signerId == null || signerId != subjectId) {
        throw new IllegalArgumentException(
            "A signer event's signer id must equal its payload id " + subjectId + ".");
      }
      if (caseFileId != null && caseFileId <= 0) {
        throw new IllegalArgumentException(
            "A case file id must be positive, not " + caseFileId + ".");
      }
    }
    Objects.requireNonNull(eventTime, "eventTime");
    eventTime = eventTime.truncatedTo(ChronoUnit.MICROS);
    new EventIdentity(topic, eventType, subjectId, eventTime); // same limits as the identity
    if (status != null && status < 0) {
      throw new IllegalArgumentException("A status code cannot be negative: " + status + ".");
    }
    if (title != null && title.length() > MAX_TITLE_LENGTH) {
      throw new IllegalArgumentException(
          "A title is at most " + MAX_TITLE_LENGTH + " characters long.");
    }
    Objects.requireNonNull(payload, "payload");
  }

  /** A casefile event. */
  public static PenneoEvent ofCaseFile(
      String eventType,
      long caseFileId,
      Instant eventTime,
      Integer status,
      String title,
      JsonObject payload) {
    return new PenneoEvent(
        Topic.CASEFILE, eventType, caseFileId, caseFileId, null, eventTime, status, title, payload);
  }

  /** A signer event; {@code caseFileId} may be {@code null} when the payload does not say. */
  public static PenneoEvent ofSigner(
      String eventType,
      long signerId,
      Long caseFileId,
      Instant eventTime,
      Integer status,
      String title,
      JsonObject payload) {
    return new PenneoEvent(
        Topic.SIGNER, eventType, signerId, caseFileId, signerId, eventTime, status, title, payload);
  }

  /** The identity under which this event is stored once, however often it is delivered. */
  public EventIdentity identity() {
    return new EventIdentity(topic, eventType, subjectId, eventTime);
  }

  /** Whether Penneo documents this event type for this topic. */
  public boolean isKnownType() {
    return EventTypes.isKnown(topic, eventType);
  }
}
