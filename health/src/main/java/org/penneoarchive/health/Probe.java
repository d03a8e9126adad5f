package org.penneoarchive.health;

import java.util.Map;

/** The outcome of one readiness probe: up or down, with the facts an operator needs. */
public record Probe(String name, boolean up, Map<String, Object> data) {

  public static Probe up(String name, Map<String, Object> data) {
    return new Probe(name, true, data);
  }

  public static Probe down(String name, String reason) {
    return new Probe(name, false, Map.of("reason", reason));
  }
}
