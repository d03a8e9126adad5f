package org.penneosandbox.webhook;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One HTTP call to make to a subscriber: the body is fixed, the signature (current service) is
 * computed at each attempt because it carries the time of sending.
 *
 * @param logEventType what the delivery log shows (event type, "confirmation", …)
 * @param contentType the Content-Type header to send, or null to send none
 * @param secret the current subscription's secret, or null (legacy: nothing is signed)
 */
public record Delivery(
    String service,
    String subscriptionId,
    URI uri,
    String logEventType,
    String eventId,
    Long caseFileId,
    byte[] body,
    String contentType,
    Map<String, String> headers,
    String secret) {

  static final String USER_AGENT = "Penneo-Webhooks (penneo-sandbox)";

  public String chainKey() {
    return service + ":" + subscriptionId;
  }

  HttpRequest request(Duration timeout, Instant now) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("User-Agent", USER_AGENT)
            .POST(
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    headers.forEach(b::header);
    if (secret != null) {
      b.header("x-event-signature", EventSignature.header(secret, now.getEpochSecond(), body));
    }
    return b.build();
  }
}
