package org.penneoarchive.batch.casefiles;

import jakarta.batch.runtime.context.StepContext;
import java.util.function.Consumer;

/**
 * The step's {@link ArchiveRunMetrics}: one live object in the step's transient user data, copied
 * into its persistent user data after every change (JBeret keeps a serialized copy, saved with each
 * checkpoint and handed to a restart).
 */
final class Metrics {

  private Metrics() {}

  static ArchiveRunMetrics of(StepContext step) {
    synchronized (step) {
      if (step.getTransientUserData() instanceof ArchiveRunMetrics m) {
        return m;
      }
      ArchiveRunMetrics m =
          step.getPersistentUserData() instanceof ArchiveRunMetrics saved
              ? saved
              : new ArchiveRunMetrics();
      step.setTransientUserData(m);
      return m;
    }
  }

  static void update(StepContext step, Consumer<ArchiveRunMetrics> change) {
    synchronized (step) {
      ArchiveRunMetrics m = of(step);
      change.accept(m);
      step.setPersistentUserData(m);
    }
  }
}
