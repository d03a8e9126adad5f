package org.penneoarchive.health;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Says whether the product answers requests yet. WildFly reports readiness before an EAR deployed
 * by {@code wildfly:run} is in service; the web module opens this gate when its context has started
 * (after the EJB module's start-up work), and closes it when it stops.
 */
public final class ReadinessGate {

  private static final AtomicReference<Instant> openedAt = new AtomicReference<>();

  private ReadinessGate() {}

  public static void open() {
    openedAt.set(Instant.now());
  }

  public static void close() {
    openedAt.set(null);
  }

  /** When the gate opened, or {@code null} while the product is not serving. */
  public static Instant openedAt() {
    return openedAt.get();
  }
}
