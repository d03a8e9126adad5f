package org.penneoarchive.domain.event;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Event-type names of both Penneo webhook services, mapped onto one vocabulary: the legacy short
 * name within a topic.
 *
 * <p>The current service's {@code sign.casefile.completed} is the same event as the legacy {@code
 * casefile}/{@code completed} (CONTRACT.md, event identity), so the product stores and compares
 * only the legacy form. Types the product does not know are still valid names: they are kept and
 * shown, never an error; {@link #isKnown} tells them apart.
 */
public final class EventTypes {

  /** Longest event-type name accepted, current form included. */
  public static final int MAX_LENGTH = 64;

  /**
   * The legacy test notification's type, in every topic; also {@code webhook.subscription.test}.
   */
  public static final String TEST = "test";

  /** A legacy short name: a letter, then letters, digits or underscores. */
  private static final Pattern SHORT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  private static final Map<Topic, String> CURRENT_PREFIX =
      Map.of(
          Topic.CASEFILE, "sign.casefile.",
          Topic.SIGNER, "sign.signer.",
          Topic.WEBHOOK, "webhook.subscription.");

  private static final Map<Topic, Set<String>> KNOWN =
      Map.of(
          Topic.CASEFILE,
          Set.of("completed", "expired", "rejected", "failed", TEST),
          Topic.SIGNER,
          Set.of(
              "requestActivated",
              "requestSent",
              "reminderSent",
              "requestOpened",
              "undeliverable",
              "opened",
              "rejected",
              "signed",
              "finalized",
              "deleted",
              "signedWithImageUploadAndNAP",
              "transientBounce",
              TEST),
          Topic.WEBHOOK,
          Set.of(TEST));

  /** A topic and the legacy short name of an event type within it. */
  public record Normalised(Topic topic, String eventType) {
    public Normalised {
      Objects.requireNonNull(topic, "topic");
      if (!isShortName(eventType)) {
        throw new IllegalArgumentException(
            "An event type must be a short name such as completed, not \"" + eventType + "\".");
      }
    }
  }

  private EventTypes() {}

  /** Whether {@code name} looks like a current-service name ({@code sign.…}, {@code webhook.…}). */
  public static boolean isCurrentName(String name) {
    return name != null && name.indexOf('.') >= 0;
  }

  /** Whether {@code name} is a syntactically valid legacy short name (known or not). */
  public static boolean isShortName(String name) {
    return name != null && name.length() <= MAX_LENGTH && SHORT_NAME.matcher(name).matches();
  }

  /**
   * The topic and legacy short name of a current-service name: {@code sign.casefile.completed} →
   * (CASEFILE, {@code completed}), {@code sign.signer.signed} → (SIGNER, {@code signed}), {@code
   * webhook.subscription.test} → (WEBHOOK, {@code test}). Empty when the family is not one of these
   * three or the last part is not a valid short name; unknown names within a family are returned
   * (see {@link #isKnown}).
   */
  public static Optional<Normalised> fromCurrent(String name) {
    if (name == null || name.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    for (Map.Entry<Topic, String> e : CURRENT_PREFIX.entrySet()) {
      if (name.startsWith(e.getValue())) {
        String shortName = name.substring(e.getValue().length());
        return isShortName(shortName)
            ? Optional.of(new Normalised(e.getKey(), shortName))
            : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * Normalises a type as it appears in a body or an {@code x-event-type} header: a current name is
   * mapped by {@link #fromCurrent}; a legacy short name is kept as it is, in the given topic. Empty
   * when the name is neither, when a legacy name comes without a topic, or when the topic given
   * contradicts the current name's family.
   */
  public static Optional<Normalised> normalise(Topic topic, String eventType) {
    if (isCurrentName(eventType)) {
      return fromCurrent(eventType).filter(n -> topic == null || n.topic() == topic);
    }
    if (topic == null || !isShortName(eventType)) {
      return Optional.empty();
    }
    return Optional.of(new Normalised(topic, eventType));
  }

  /**
   * The current service's name for a legacy type: (CASEFILE, {@code completed}) → {@code
   * sign.casefile.completed}.
   */
  public static String currentName(Topic topic, String eventType) {
    Objects.requireNonNull(topic, "topic");
    if (!isShortName(eventType)) {
      throw new IllegalArgumentException(
          "An event type must be a short name such as completed, not \"" + eventType + "\".");
    }
    return CURRENT_PREFIX.get(topic) + eventType;
  }

  /** Whether Penneo documents this type for this topic (either service). */
  public static boolean isKnown(Topic topic, String eventType) {
    return topic != null && KNOWN.get(topic).contains(eventType);
  }

  /** The documented legacy short names of a topic, {@code test} included. */
  public static Set<String> known(Topic topic) {
    return KNOWN.get(Objects.requireNonNull(topic, "topic"));
  }

  /**
   * Every current-service name Penneo documents, in a fixed order: what a current subscription
   * lists when it wants everything the product understands.
   */
  public static List<String> allCurrentNames() {
    Set<String> names = new LinkedHashSet<>();
    for (Topic topic : List.of(Topic.CASEFILE, Topic.SIGNER, Topic.WEBHOOK)) {
      known(topic).stream()
          .filter(t -> topic == Topic.WEBHOOK || !t.equals(TEST))
          .sorted()
          .forEach(t -> names.add(currentName(topic, t)));
    }
    return List.copyOf(names);
  }
}
