package org.penneoarchive.domain.event;

import java.util.Optional;

/**
 * What a Penneo event is about. {@code CASEFILE} and {@code SIGNER} are the legacy service's topics
 * (and the {@code sign.casefile.*} / {@code sign.signer.*} families of the current service); {@code
 * WEBHOOK} is the current service's own {@code webhook.subscription.*} family.
 */
public enum Topic {
  CASEFILE("casefile"),
  SIGNER("signer"),
  WEBHOOK("webhook");

  private final String wireName;

  Topic(String wireName) {
    this.wireName = wireName;
  }

  /** The name on the wire and in the API: {@code casefile}, {@code signer}, {@code webhook}. */
  public String wireName() {
    return wireName;
  }

  /** The topic with this wire name (exact, lower case), if any. */
  public static Optional<Topic> fromWireName(String name) {
    for (Topic t : values()) {
      if (t.wireName.equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
