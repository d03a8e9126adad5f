package org.penneoarchive.application.intake;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.penneoarchive.model.Subscription;
import org.penneoarchive.model.WebhookService;

/**
 * What the receiver needs to know about a subscription to accept a call: an immutable snapshot,
 * cached by {@link EndpointDirectory} so that accepting a notification reads no database row.
 */
record EndpointRoute(
    long subscriptionId,
    WebhookService service,
    String endpointKey,
    String previousEndpointKey,
    Instant previousValidUntil,
    byte[] secret,
    byte[] previousSecret) {

  static EndpointRoute of(Subscription s) {
    return new EndpointRoute(
        s.getId(),
        s.getService(),
        s.getEndpointKey(),
        s.getPreviousEndpointKey(),
        s.getPreviousSecretUntil(),
        bytes(s.getSecret()),
        bytes(s.getPreviousSecret()));
  }

  /** Whether {@code key} routes here at {@code now} (the previous key only during the overlap). */
  boolean accepts(String key, Instant now) {
    return key.equals(endpointKey)
        || (key.equals(previousEndpointKey)
            && previousValidUntil != null
            && now.isBefore(previousValidUntil));
  }

  /** The secrets that verify a signature now: the current one, and the previous one in overlap. */
  List<byte[]> secretsAt(Instant now) {
    if (secret == null) {
      return List.of();
    }
    if (previousSecret != null && previousValidUntil != null && now.isBefore(previousValidUntil)) {
      return List.of(secret, previousSecret);
    }
    return List.of(secret);
  }

  private static byte[] bytes(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }
}
