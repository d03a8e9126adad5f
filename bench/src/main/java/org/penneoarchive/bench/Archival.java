package org.penneoarchive.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** Figures 3 and 4, archival and memory. */
final class Archival {

  private final Bench b;

  Archival(Bench b) {
    this.b = b;
  }

  void run() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("status", "pending");
    b.figures().put("archival", f);
  }
}
