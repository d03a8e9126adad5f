package org.penneoarchive.application.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.penneoarchive.application.StaffAction;

/**
 * Writes each {@link StaffAction} that a service announces into the audit log. The observer is
 * synchronous, so the entry is written in the action's own transaction: both or neither commit.
 */
@ApplicationScoped
public class AuditRecorder {

  @Inject AuditLog log;

  void on(@Observes StaffAction a) {
    log.record(a.actor(), a.action(), a.target(), a.detail());
  }
}
