package org.penneoarchive.application.archive;

import java.time.Instant;
import java.util.List;

/**
 * A case file the archive job may archive, with what the product knows of it: its place in the
 * archive follows from {@code completedAt}, and its timeline goes into {@code casefile.json}.
 *
 * @param events the timeline up to the completion, by event time (later events, such as signers'
 *     {@code finalized}, are left out so that a re-run writes the same {@code casefile.json})
 */
public record ArchiveCandidate(
    long penneoId, String title, Instant completedAt, List<TimelineEvent> events) {

  public ArchiveCandidate {
    events = List.copyOf(events);
  }

  /** One distinct event of the timeline. */
  public record TimelineEvent(String topic, String eventType, Instant eventTime, Long signerId) {}
}
