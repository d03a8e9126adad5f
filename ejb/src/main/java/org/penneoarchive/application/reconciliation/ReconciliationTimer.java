package org.penneoarchive.application.reconciliation;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.penneoarchive.infrastructure.config.ConfiguredSchedule;

/** The persistent timer of {@code reconciliation.schedule} (default hourly). */
@Singleton
@Startup
public class ReconciliationTimer {

  static final String INFO = "penneo-archive reconciliation";

  @Resource TimerService timers;
  @Inject ReconciliationService reconciliation;

  @Inject
  @ConfigProperty(name = "reconciliation.schedule", defaultValue = "minute=0;hour=*")
  String schedule;

  @PostConstruct
  void schedule() {
    ConfiguredSchedule.ensure(timers, INFO, schedule);
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void onTimeout(Timer timer) {
    reconciliation.run();
  }
}
