package org.penneoarchive.infrastructure.penneo;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;

/**
 * A subscription of Penneo's legacy, topic-based webhook service.
 *
 * <p>Penneo answers {@code created} as a Unix-seconds string; it is read into an {@link Instant}.
 * Optional fields are {@code null} when Penneo leaves them out.
 *
 * @param id Penneo's subscription id
 * @param confirmed whether the confirmation token has been sent back
 * @param topic {@code casefile} or {@code signer}
 * @param endpoint the URL Penneo posts to
 * @param created when it was created, or {@code null}
 * @param userId the owning user, or {@code null}
 * @param customerId the owning customer, or {@code null}
 */
public record LegacySubscription(
    long id,
    boolean confirmed,
    String topic,
    URI endpoint,
    Instant created,
    Long userId,
    Long customerId) {

  static LegacySubscription from(PenneoCall call, JsonObject o) {
    Boolean confirmed = PenneoJson.booleanOrNull(o, "confirmed");
    return new LegacySubscription(
        PenneoJson.requiredLong(call, o, "id"),
        confirmed != null && confirmed,
        PenneoJson.stringOrNull(o, "topic"),
        PenneoJson.uriOrNull(call, o, "endpoint"),
        PenneoJson.instantOrNull(o, "created"),
        PenneoJson.longOrNull(o, "userId"),
        PenneoJson.longOrNull(o, "customerId"));
  }
}
