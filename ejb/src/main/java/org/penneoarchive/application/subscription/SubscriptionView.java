package org.penneoarchive.application.subscription;

import java.time.Instant;
import java.util.List;
import org.penneoarchive.model.Subscription;

/** A subscription as the API and the console show it: never its secret. */
public record SubscriptionView(
    long id,
    String service,
    String topic,
    List<String> eventTypes,
    String state,
    String endpointUrl,
    String penneoId,
    Instant createdAt,
    Instant confirmedAt,
    Instant lastNotificationAt,
    String lastError) {

  /**
   * @param lastNotificationAt when a call last arrived at the subscription's endpoint, accepted or
   *     refused; derived from the delivery records, so that no hot row is updated per call
   */
  static SubscriptionView of(Subscription s, String publicUrl, Instant lastNotificationAt) {
    return new SubscriptionView(
        s.getId(),
        s.getService().wireName(),
        s.getTopic(),
        s.getEventTypes(),
        s.getState().name(),
        endpointUrl(publicUrl, s.getEndpointKey()),
        s.getPenneoId(),
        s.getCreatedAt(),
        s.getConfirmedAt(),
        lastNotificationAt,
        s.getLastError());
  }

  static String endpointUrl(String publicUrl, String key) {
    String base =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    return base + "/webhooks/" + key;
  }
}
