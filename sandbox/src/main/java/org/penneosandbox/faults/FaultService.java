package org.penneosandbox.faults;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.penneosandbox.casefile.CaseFile;
import org.penneosandbox.casefile.Status;

/** Holds the fault setting and decides, per request, whether and how to misbehave. */
public final class FaultService {

  /** What to do with one request. */
  public sealed interface Decision {
    long delayMs();
  }

  public record Serve(long delayMs) implements Decision {}

  public record Refuse(long delayMs, int status, int retryAfter) implements Decision {}

  public record Reset(long delayMs) implements Decision {}

  private volatile FaultSettings settings = FaultSettings.none();

  public FaultSettings settings() {
    return settings;
  }

  public void settings(FaultSettings settings) {
    this.settings = settings;
  }

  /**
   * @param path the request path below the context root, e.g. {@code /api/v3/casefiles}
   */
  public Decision decide(String path) {
    FaultSettings s = settings;
    ThreadLocalRandom random = ThreadLocalRandom.current();
    if (s.reset() != null
        && matches(s.reset().paths(), path)
        && random.nextDouble() < s.reset().rate()) {
      return new Reset(s.delayMs());
    }
    if (s.api() != null && matches(s.api().paths(), path) && random.nextDouble() < s.api().rate()) {
      return new Refuse(s.delayMs(), s.api().status(), s.api().retryAfter());
    }
    return new Serve(s.delayMs());
  }

  private static boolean matches(List<String> prefixes, String path) {
    return prefixes.isEmpty() || prefixes.stream().anyMatch(path::startsWith);
  }

  /** The PDF fault to apply to downloads: truncated, corrupt or null. */
  public String pdfFault() {
    return settings.pdf();
  }

  private boolean inNotReadyWindow(CaseFile cf, Instant now) {
    FaultSettings.NotReady nr = settings.notReady();
    Instant completed = cf.completedAt();
    return nr != null
        && completed != null
        && cf.status() == Status.CASEFILE_COMPLETED
        && now.isBefore(completed.plusMillis(nr.ms()));
  }

  /** The status the API shows: 4 instead of 5 while a "status4" not-ready fault holds. */
  public int apparentStatus(CaseFile cf, Instant now) {
    FaultSettings.NotReady nr = settings.notReady();
    if (nr != null && "status4".equals(nr.mode()) && inNotReadyWindow(cf, now)) {
      return Status.CASEFILE_SIGNED;
    }
    return cf.status();
  }

  /** The status a document download answers instead of the PDF (404/409), or 0 to serve it. */
  public int documentNotReadyStatus(CaseFile cf, Instant now) {
    if (!inNotReadyWindow(cf, now)) {
      return 0;
    }
    return "404".equals(settings.notReady().mode()) ? 404 : 409;
  }
}
