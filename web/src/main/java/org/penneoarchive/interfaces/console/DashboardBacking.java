package org.penneoarchive.interfaces.console;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.penneoarchive.application.archive.ArchiveJobs;
import org.penneoarchive.application.archive.ArchiveRunView;
import org.penneoarchive.application.dashboard.DashboardQueryService;
import org.penneoarchive.application.dashboard.DashboardQueryService.RejectedCounts;
import org.penneoarchive.application.dashboard.DayCount;
import org.penneoarchive.application.intake.DeadLetterService;
import org.penneoarchive.application.tasks.StaffTaskService;
import org.penneoarchive.domain.casefile.CaseFileState;

/**
 * The dashboard: case files by state, what needs attention, the archive's runs (running, last,
 * next), and two weeks of intake and archiving.
 */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int DAYS = 14;

  @Inject transient DashboardQueryService dashboard;
  @Inject transient StaffTaskService tasks;
  @Inject transient DeadLetterService deadLetters;
  @Inject transient ArchiveJobs archive;
  @Inject ConsoleFormats fmt;

  private Map<CaseFileState, Long> byState;
  private RejectedCounts rejected;
  private List<DayCount> notifications;
  private List<DayCount> events;
  private List<DayCount> archived;
  private BarChart chart;
  private long openTasks;
  private long deadLetterCount;
  private List<ArchiveRunView> running;
  private ArchiveRunView lastRun;
  private Instant nextRun;

  @PostConstruct
  void load() {
    byState = dashboard.caseFilesByState();
    rejected = dashboard.rejectedDeliveries();
    notifications = dashboard.notificationsPerDay(DAYS, fmt.getZone());
    events = dashboard.eventsPerDay(DAYS, fmt.getZone());
    archived = dashboard.archivedPerDay(DAYS, fmt.getZone());
    chart = new BarChart(List.of(notifications, events, archived));
    openTasks = tasks.countOpen();
    deadLetterCount = deadLetters.countDead();
    List<ArchiveRunView> runs = archive.runs(0, 20).items();
    running = running(runs);
    lastRun = runs.stream().filter(r -> r.endedAt() != null).findFirst().orElse(null);
    nextRun = archive.nextScheduledRun();
  }

  /** Runs not yet ended, in the order given (newest first). */
  static List<ArchiveRunView> running(List<ArchiveRunView> runs) {
    return runs.stream()
        .filter(r -> r.endedAt() == null && !"ABANDONED".equals(r.status()))
        .toList();
  }

  public long getOpenTasks() {
    return openTasks;
  }

  public long getDeadLetters() {
    return deadLetterCount;
  }

  public List<ArchiveRunView> getRunning() {
    return running;
  }

  public ArchiveRunView getLastRun() {
    return lastRun;
  }

  /** When the schedule starts the next sweep, or null when no sweep is scheduled. */
  public Instant getNextRun() {
    return nextRun;
  }

  public List<DayCount> getArchived() {
    return archived;
  }

  public List<Map.Entry<CaseFileState, Long>> getStates() {
    return List.copyOf(byState.entrySet());
  }

  public long getTotal() {
    return byState.values().stream().mapToLong(Long::longValue).sum();
  }

  public RejectedCounts getRejected() {
    return rejected;
  }

  public List<DayCount> getNotifications() {
    return notifications;
  }

  public List<DayCount> getEvents() {
    return events;
  }

  public BarChart getChart() {
    return chart;
  }
}
