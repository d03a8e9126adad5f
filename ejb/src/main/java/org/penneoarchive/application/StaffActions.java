package org.penneoarchive.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/** Announces staff and admin actions to whoever keeps track of them (the audit log). */
@ApplicationScoped
public class StaffActions {

  @Inject Event<StaffAction> events;

  public void record(String actor, String action, String target, String detail) {
    events.fire(new StaffAction(actor, action, target, detail));
  }
}
