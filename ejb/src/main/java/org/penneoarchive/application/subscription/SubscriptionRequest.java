package org.penneoarchive.application.subscription;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.penneoarchive.model.WebhookService;

/**
 * A request to subscribe, validated: {@code legacy} with topic {@code casefile} or {@code signer},
 * or {@code current} with 1–50 event types of Penneo's {@code sign.*} form.
 */
public record SubscriptionRequest(WebhookService service, String topic, List<String> eventTypes) {

  private static final Set<String> TOPICS = Set.of("casefile", "signer");
  private static final Pattern EVENT_TYPE = Pattern.compile("[a-zA-Z][a-zA-Z0-9.]{2,99}");

  public static final String TEST_EVENT = "webhook.subscription.test";

  public SubscriptionRequest {
    if (service == null) {
      throw new InvalidRequestException("service must be \"legacy\" or \"current\"");
    }
    if (service == WebhookService.LEGACY) {
      if (topic == null || !TOPICS.contains(topic)) {
        throw new InvalidRequestException("a legacy subscription needs topic casefile or signer");
      }
      eventTypes = List.of();
    } else {
      if (eventTypes == null || eventTypes.isEmpty() || eventTypes.size() > 50) {
        throw new InvalidRequestException("a current subscription needs 1 to 50 eventTypes");
      }
      for (String t : eventTypes) {
        if (t == null || !EVENT_TYPE.matcher(t).matches()) {
          throw new InvalidRequestException("not an event type: " + t);
        }
      }
      if (!eventTypes.contains(TEST_EVENT)) {
        eventTypes = new java.util.ArrayList<>(eventTypes);
        eventTypes.add(TEST_EVENT);
      }
      eventTypes = List.copyOf(eventTypes);
      topic = null;
    }
  }

  public static WebhookService parseService(String s) {
    if (s == null) {
      return null;
    }
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "legacy" -> WebhookService.LEGACY;
      case "current" -> WebhookService.CURRENT;
      default -> null;
    };
  }
}
