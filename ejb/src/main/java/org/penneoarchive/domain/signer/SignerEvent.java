package org.penneoarchive.domain.signer;

import java.time.Instant;
import java.util.Objects;

/**
 * One signer event as far as the signer's state is concerned: its legacy event type (e.g. {@code
 * signed}) and when it happened at Penneo.
 */
public record SignerEvent(String eventType, Instant eventTime) {
  public SignerEvent {
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(eventTime, "eventTime");
  }
}
