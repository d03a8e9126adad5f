package org.penneoarchive.batch.casefiles;

import jakarta.batch.runtime.context.StepContext;

/** The step's {@link ArchiveRunMetrics}, created on first use. */
final class Metrics {

  private Metrics() {}

  static ArchiveRunMetrics of(StepContext step) {
    synchronized (step) {
      if (step.getPersistentUserData() instanceof ArchiveRunMetrics m) {
        return m;
      }
      ArchiveRunMetrics m = new ArchiveRunMetrics();
      step.setPersistentUserData(m);
      return m;
    }
  }
}
