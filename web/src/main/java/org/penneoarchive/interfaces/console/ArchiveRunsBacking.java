package org.penneoarchive.interfaces.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.penneoarchive.application.StaffActions;
import org.penneoarchive.application.archive.ArchiveJobs;
import org.penneoarchive.application.archive.ArchiveRunView;
import org.penneoarchive.application.archive.FixityAuditService;
import org.penneoarchive.application.archive.FixityAuditView;
import org.penneoarchive.application.casefile.Page;

/**
 * Admin: the archive job's executions with their metrics (start a sweep, stop a running one,
 * restart a failed or stopped one) and the fixity audits with their findings (start one).
 */
@Named
@ViewScoped
public class ArchiveRunsBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int SIZE = 20;
  static final int AUDITS = 10;

  private static final Set<String> RESTARTABLE = Set.of("FAILED", "STOPPED");
  private static final Set<String> RUNNING = Set.of("STARTING", "STARTED");

  @Inject transient ArchiveJobs jobs;
  @Inject transient FixityAuditService audits;
  @Inject transient StaffActions staffActions;

  private int page;
  private transient Page<ArchiveRunView> runs;
  private transient Page<FixityAuditView> auditList;
  private Instant nextRun;
  private Instant nextAudit;

  public void load() {
    runs = jobs.runs(Math.max(0, page), SIZE);
    auditList = audits.list(0, AUDITS);
    nextRun = jobs.nextScheduledRun();
    nextAudit = jobs.nextScheduledAudit();
  }

  public String sweep() {
    return Actions.run(
        "archive-runs",
        () -> {
          String user = ConsoleAccess.user();
          long id = jobs.startSweep(user);
          staffActions.record(user, "start archive sweep", "archive run " + id, "");
          Feedback.info("runs.swept", id);
        });
  }

  public String audit() {
    return Actions.run(
        "archive-runs",
        () -> {
          String user = ConsoleAccess.user();
          long id = jobs.startFixityAudit(user);
          staffActions.record(user, "start fixity audit", "fixity audit run " + id, "");
          Feedback.info("runs.audited", id);
        });
  }

  public String stop(long executionId) {
    return Actions.run(
        "archive-runs",
        () -> {
          jobs.stop(executionId, ConsoleAccess.user());
          Feedback.info("runs.stopping", executionId);
        });
  }

  public String restart(long executionId) {
    return Actions.run(
        "archive-runs",
        () ->
            Feedback.info(
                "runs.restarted", executionId, jobs.restart(executionId, ConsoleAccess.user())));
  }

  /** A stop button for runs still running. */
  public boolean stoppable(ArchiveRunView r) {
    return RUNNING.contains(r.status());
  }

  /**
   * A restart button for failed or stopped runs that are the latest of their job instance (as far
   * as this page shows; the service refuses an older one with a reason).
   */
  public boolean restartable(ArchiveRunView r) {
    return RESTARTABLE.contains(r.status())
        && getRuns().items().stream()
            .noneMatch(o -> o.instanceId() == r.instanceId() && o.executionId() > r.executionId());
  }

  public Page<ArchiveRunView> getRuns() {
    return runs != null ? runs : new Page<>(List.of(), 0, SIZE, 0);
  }

  public Page<FixityAuditView> getAudits() {
    return auditList != null ? auditList : new Page<>(List.of(), 0, AUDITS, 0);
  }

  public long getPageCount() {
    return Math.max(1, (getRuns().total() + SIZE - 1) / SIZE);
  }

  public Instant getNextRun() {
    return nextRun;
  }

  public Instant getNextAudit() {
    return nextAudit;
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = page;
  }
}
