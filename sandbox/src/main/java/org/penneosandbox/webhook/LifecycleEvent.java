package org.penneosandbox.webhook;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * Something that happened to a case file or signer, delivered to every matching subscription of
 * both services. The payloads are snapshots taken when it happened, so a delayed or retried
 * delivery still says what was true then.
 *
 * @param eventId the current service's x-event-id: one per event, kept across repeats and retries
 * @param topic casefile or signer (webhook for the current service's test event)
 * @param eventType the legacy name (completed, signed, …)
 * @param ownerUserId the case file's owner, who gets full payloads besides super users
 */
public record LifecycleEvent(
    String eventId,
    String topic,
    String eventType,
    Instant time,
    EventTime.Style timeStyle,
    long caseFileId,
    long ownerUserId,
    JsonObject fullPayload,
    JsonObject thinPayload) {

  /** The current service's event type: {@code sign.casefile.completed}, … */
  public String currentEventType() {
    return "webhook".equals(topic) ? eventType : "sign." + topic + "." + eventType;
  }
}
