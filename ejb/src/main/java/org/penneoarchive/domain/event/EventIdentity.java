package org.penneoarchive.domain.event;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What makes two deliveries the same Penneo event (CONTRACT.md, "How events are identified"):
 * topic, legacy event type, subject (case file id for casefile events, signer id for signer events)
 * and event time to the microsecond.
 *
 * <p>Penneo's signer ids are global, so the signer id alone identifies the signer's case file and
 * this equals CONTRACT's identity that also names the case file. The same event delivered by both
 * services, or retried, has the same {@link #key()}; the store puts a unique constraint on it.
 *
 * <p>Times finer than a microsecond cannot come from Penneo; they are dropped so that equal events
 * compare equal.
 */
public record EventIdentity(Topic topic, String eventType, long subjectId, Instant eventTime) {

  /** Longest possible {@link #key()}; fits a {@code VARCHAR(200)} column. */
  public static final int MAX_KEY_LENGTH = 200;

  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  public EventIdentity {
    Objects.requireNonNull(topic, "topic");
    if (!EventTypes.isShortName(eventType)) {
      throw new IllegalArgumentException(
          "An event identity needs a legacy short event type such as completed, not \""
              + eventType
              + "\".");
    }
    if (subjectId <= 0) {
      throw new IllegalArgumentException(
          "An event identity needs a positive subject id, not " + subjectId + ".");
    }
    Objects.requireNonNull(eventTime, "eventTime");
    if (eventTime.isBefore(EARLIEST) || eventTime.isAfter(LATEST)) {
      throw new IllegalArgumentException(
          "An event time must lie in the years 1 to 9999, not " + eventTime + ".");
    }
    eventTime = eventTime.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * The canonical, stable text of this identity, e.g. {@code
   * casefile|completed|531|2025-02-19T13:01:55.517791Z}: wire topic, type, subject id, and the time
   * in UTC with always six fraction digits. At most {@value #MAX_KEY_LENGTH} characters.
   */
  public String key() {
    return topic.wireName() + '|' + eventType + '|' + subjectId + '|' + MICROS.format(eventTime);
  }
}
