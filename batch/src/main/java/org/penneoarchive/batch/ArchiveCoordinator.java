package org.penneoarchive.batch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.JobSecurityException;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Local;
import jakarta.ejb.NoMoreTimeoutsException;
import jakarta.ejb.NoSuchObjectLocalException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.penneoarchive.application.StaffActions;
import org.penneoarchive.application.archive.ArchiveJobs;
import org.penneoarchive.application.archive.ArchiveRecords;
import org.penneoarchive.application.archive.ArchiveRefusedException;
import org.penneoarchive.application.archive.ArchiveRunView;
import org.penneoarchive.application.archive.FixityAuditService;
import org.penneoarchive.application.casefile.Page;
import org.penneoarchive.application.subscription.InvalidRequestException;
import org.penneoarchive.application.subscription.NotFoundException;
import org.penneoarchive.batch.casefiles.ArchiveRunMetrics;
import org.penneoarchive.batch.casefiles.CaseFileArchiver;
import org.penneoarchive.domain.casefile.CaseFileState;
import org.penneoarchive.domain.casefile.CaseFileStateMachine;
import org.penneoarchive.infrastructure.config.ConfiguredSchedule;

/**
 * Starts and watches the archive's jobs. It lives in the batch module so that JBeret finds the job
 * XML of this jar.
 *
 * <ul>
 *   <li>Prompt: {@link #requestArchive} collects completions for {@code archive.coalesce-millis}
 *       and starts one job for all of them, while fewer than {@code archive.max-concurrent-jobs}
 *       archive jobs run (otherwise they wait for the next round).
 *   <li>Scheduled: persistent calendar timers from {@code archive.schedule} (a sweep) and {@code
 *       fixity.schedule} (an audit). {@code @Schedule} cannot read MicroProfile Config, so they are
 *       created programmatically at start — once: an existing timer with the same schedule is kept,
 *       one with an old schedule replaced.
 *   <li>At start: leftovers of bags being assembled and of downloads are removed (no job runs yet),
 *       and every execution a crash left {@code STARTED} in the job repository is marked {@code
 *       FAILED} and restarted from its last checkpoint (JBeret's restart mode {@code detect}, which
 *       refuses executions that really run in this server).
 * </ul>
 */
@Singleton
@Startup
@Local(ArchiveJobs.class)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ArchiveCoordinator implements ArchiveJobs {

  private static final Logger LOG = Logger.getLogger(ArchiveCoordinator.class.getName());

  public static final String ARCHIVE_JOB = "archive-casefiles";
  public static final String AUDIT_JOB = "fixity-audit";

  static final String SWEEP_TIMER = "archive-sweep";
  static final String AUDIT_TIMER = "fixity-audit";
  static final String COALESCE_TIMER = "archive-coalesce";
  static final String RECOVERY_TIMER = "archive-recovery";

  /** Case files per prompt job; more wait for the next one. */
  static final int MAX_PER_JOB = 500;

  @Resource TimerService timers;

  @Resource(lookup = "java:jboss/datasources/PenneoDS")
  DataSource dataSource;

  @Inject ArchiveSettings settings;
  @Inject CaseFileArchiver archiver;
  @Inject ArchiveRecords records;
  @Inject FixityAuditService audits;
  @Inject StaffActions staffActions;

  private final Set<Long> pending = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean coalesceArmed = new AtomicBoolean();

  @PostConstruct
  void start() {
    try {
      int staging = settings.bagWriter().cleanStaging();
      int work = archiver.cleanWork();
      if (staging + work > 0) {
        LOG.info(
            () ->
                "Removed "
                    + staging
                    + " unfinished bags and "
                    + work
                    + " unfinished downloads left by an earlier run under "
                    + settings.root());
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not clean the archive's staging and work folders", e);
    }
    ensureCalendarTimer(SWEEP_TIMER, settings.schedule());
    ensureCalendarTimer(AUDIT_TIMER, settings.fixitySchedule());
    timers.createSingleActionTimer(1000, new TimerConfig(RECOVERY_TIMER, false));
  }

  // ------------------------------------------------------------------ ArchiveJobs

  @Override
  public void requestArchive(long penneoId) {
    pending.add(penneoId);
    LOG.fine(() -> "Case file " + penneoId + ": archive requested");
    arm();
  }

  @Override
  public long startSweep(String requestedBy) {
    for (long id : running(ARCHIVE_JOB)) {
      Properties p = operator().getParameters(id);
      if (p != null && "sweep".equals(p.getProperty("kind"))) {
        LOG.info(() -> "A sweep is running already (execution " + id + "); not starting another");
        return id;
      }
    }
    return start(ARCHIVE_JOB, "sweep", null, false, requestedBy);
  }

  @Override
  public long archiveAgain(long penneoId, String requestedBy) {
    CaseFileState state =
        records
            .state(penneoId)
            .orElseThrow(() -> new NotFoundException("no case file with Penneo id " + penneoId));
    if (state == CaseFileState.ARCHIVED) {
      throw new ArchiveRefusedException("case file " + penneoId + " is archived already");
    }
    if (!CaseFileStateMachine.isArchivable(state)) {
      throw new ArchiveRefusedException(
          "case file " + penneoId + " is " + state + "; only completed case files are archived");
    }
    return start(ARCHIVE_JOB, "again", List.of(penneoId), true, requestedBy);
  }

  @Override
  public long startFixityAudit(String requestedBy) {
    List<Long> runningAudits = running(AUDIT_JOB);
    if (!runningAudits.isEmpty()) {
      LOG.info(() -> "A fixity audit is running already (" + runningAudits + ")");
      return runningAudits.get(0);
    }
    Properties p = new Properties();
    p.setProperty("requestedBy", requestedBy == null ? "unknown" : requestedBy);
    long id = operator().start(AUDIT_JOB, p);
    LOG.info(() -> "Fixity audit started (execution " + id + ", by " + requestedBy + ")");
    return id;
  }

  @Override
  public Page<ArchiveRunView> runs(int page, int size) {
    if (page < 0 || size < 1 || size > 200) {
      throw new InvalidRequestException("page must be ≥ 0 and size between 1 and 200");
    }
    List<Long> ids = new ArrayList<>();
    long total;
    String from =
        " from JOB_EXECUTION e join JOB_INSTANCE i on e.JOBINSTANCEID = i.JOBINSTANCEID"
            + " where i.JOBNAME = ?";
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement count = c.prepareStatement("select count(*)" + from)) {
        count.setString(1, ARCHIVE_JOB);
        try (ResultSet rs = count.executeQuery()) {
          rs.next();
          total = rs.getLong(1);
        }
      }
      try (PreparedStatement list =
          c.prepareStatement(
              "select e.JOBEXECUTIONID"
                  + from
                  + " order by e.JOBEXECUTIONID desc offset ? rows fetch next ? rows only")) {
        list.setString(1, ARCHIVE_JOB);
        list.setLong(2, (long) page * size);
        list.setInt(3, size);
        try (ResultSet rs = list.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
        }
      }
    } catch (SQLException e) {
      // JBeret creates its tables on first use: no table, no run yet.
      LOG.log(Level.FINE, "No archive runs to list", e);
      return new Page<>(List.of(), page, size, 0);
    }
    JobOperator op = operator();
    List<ArchiveRunView> items = new ArrayList<>();
    for (long id : ids) {
      items.add(view(op, id));
    }
    return new Page<>(items, page, size, total);
  }

  @Override
  public long restart(long executionId, String requestedBy) {
    JobOperator op = operator();
    JobExecution e = archiveExecution(op, executionId);
    BatchStatus status = e.getBatchStatus();
    if (status != BatchStatus.FAILED && status != BatchStatus.STOPPED) {
      throw new ArchiveRefusedException(
          "archive run "
              + executionId
              + " is "
              + status
              + "; only a FAILED or STOPPED run can be restarted");
    }
    long instance = op.getJobInstance(executionId).getInstanceId();
    long latest =
        op.getJobExecutions(op.getJobInstance(executionId)).stream()
            .mapToLong(JobExecution::getExecutionId)
            .max()
            .orElse(executionId);
    if (latest != executionId) {
      throw new ArchiveRefusedException(
          "archive run "
              + executionId
              + " was restarted already as run "
              + latest
              + "; restart that one if it failed or stopped");
    }
    Properties p = new Properties();
    Properties original = e.getJobParameters();
    if (original != null) {
      original.stringPropertyNames().forEach(n -> p.setProperty(n, original.getProperty(n)));
    }
    p.setProperty("requestedBy", requestedBy == null ? "unknown" : requestedBy);
    p.setProperty("restartOf", Long.toString(executionId));
    long restarted;
    try {
      restarted = op.restart(executionId, p);
    } catch (JobRestartException
        | JobExecutionAlreadyCompleteException
        | JobExecutionNotMostRecentException
        | JobSecurityException ex) {
      throw new ArchiveRefusedException(
          "archive run " + executionId + " cannot be restarted: " + ex.getMessage());
    }
    LOG.info(
        () ->
            "Archive run "
                + executionId
                + " (instance "
                + instance
                + ") restarted as run "
                + restarted
                + " by "
                + requestedBy);
    staffActions.record(
        actor(requestedBy),
        "restart archive run",
        "archive run " + executionId,
        "restarted from its checkpoint as run " + restarted);
    return restarted;
  }

  @Override
  public void stop(long executionId, String requestedBy) {
    JobOperator op = operator();
    JobExecution e = archiveExecution(op, executionId);
    BatchStatus status = e.getBatchStatus();
    if (status != BatchStatus.STARTED && status != BatchStatus.STARTING) {
      throw new ArchiveRefusedException(
          "archive run " + executionId + " is " + status + ", not running; nothing to stop");
    }
    try {
      op.stop(executionId);
    } catch (JobExecutionNotRunningException ex) {
      throw new ArchiveRefusedException(
          "archive run " + executionId + " has just ended; nothing to stop");
    }
    LOG.info(() -> "Archive run " + executionId + ": stop requested by " + requestedBy);
    staffActions.record(
        actor(requestedBy),
        "stop archive run",
        "archive run " + executionId,
        "stops after the case file it is archiving");
  }

  @Override
  public Instant nextScheduledRun() {
    return nextTimeout(SWEEP_TIMER);
  }

  @Override
  public Instant nextScheduledAudit() {
    return nextTimeout(AUDIT_TIMER);
  }

  /** The execution, if it is one of the archive job (audits are not stopped or restarted here). */
  private static JobExecution archiveExecution(JobOperator op, long executionId) {
    try {
      JobExecution e = op.getJobExecution(executionId);
      if (e != null && ARCHIVE_JOB.equals(e.getJobName())) {
        return e;
      }
    } catch (NoSuchJobExecutionException ex) {
      // answered below
    }
    throw new NotFoundException("no archive run " + executionId);
  }

  private static String actor(String requestedBy) {
    return requestedBy == null || requestedBy.isBlank() ? "unknown" : requestedBy;
  }

  private Instant nextTimeout(String name) {
    for (Timer t : timers.getTimers()) {
      try {
        if (t.getInfo() instanceof String s && s.startsWith(name + "|")) {
          return t.getNextTimeout().toInstant();
        }
      } catch (NoMoreTimeoutsException | NoSuchObjectLocalException ex) {
        // a timer that has ended or was cancelled meanwhile: no next run from it
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ timers

  @Timeout
  void timeout(Timer timer) {
    String info = String.valueOf(timer.getInfo());
    try {
      if (info.startsWith(SWEEP_TIMER + "|")) {
        startSweep("schedule");
      } else if (info.startsWith(AUDIT_TIMER + "|")) {
        startFixityAudit("schedule");
      } else if (info.equals(COALESCE_TIMER)) {
        drainPending();
      } else if (info.equals(RECOVERY_TIMER)) {
        recover();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Archive timer " + info + " failed", e);
    }
  }

  private void arm() {
    if (coalesceArmed.compareAndSet(false, true)) {
      timers.createSingleActionTimer(
          settings.coalesceMillis(), new TimerConfig(COALESCE_TIMER, false));
    }
  }

  /** Starts one job for the case files requested since the last one, if a job slot is free. */
  private void drainPending() {
    coalesceArmed.set(false);
    if (pending.isEmpty()) {
      return;
    }
    int running = running(ARCHIVE_JOB).size();
    if (running >= settings.maxConcurrentJobs()) {
      LOG.info(
          () ->
              pending.size()
                  + " case files wait: "
                  + running
                  + " archive jobs run already (archive.max-concurrent-jobs)");
      arm();
      return;
    }
    List<Long> batch = new ArrayList<>();
    Iterator<Long> it = pending.iterator();
    while (it.hasNext() && batch.size() < MAX_PER_JOB) {
      batch.add(it.next());
      it.remove();
    }
    try {
      start(ARCHIVE_JOB, "prompt", batch, false, "completion");
    } catch (RuntimeException e) {
      pending.addAll(batch);
      throw e;
    } finally {
      if (!pending.isEmpty()) {
        arm();
      }
    }
  }

  private long start(
      String job, String kind, List<Long> caseFiles, boolean again, String requestedBy) {
    Properties p = new Properties();
    p.setProperty("kind", kind);
    p.setProperty("requestedBy", requestedBy == null ? "unknown" : requestedBy);
    p.setProperty("again", Boolean.toString(again));
    p.setProperty("transactionTimeout", Integer.toString(settings.transactionTimeoutSeconds()));
    if (caseFiles != null) {
      p.setProperty(
          "caseFiles", caseFiles.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }
    long id = operator().start(job, p);
    LOG.info(
        () ->
            "Archive job started: execution "
                + id
                + " ("
                + kind
                + (caseFiles == null ? "" : ", case files " + caseFiles)
                + ", by "
                + requestedBy
                + ")");
    return id;
  }

  /**
   * Finds the executions a crash left {@code STARTED} (or {@code STARTING}) and restarts each from
   * its checkpoint; JBeret's {@code detect} mode marks the old one {@code FAILED} first and refuses
   * an execution that is really running in this server.
   */
  private void recover() {
    JobOperator op = operator();
    for (String job : List.of(ARCHIVE_JOB, AUDIT_JOB)) {
      for (long id : running(job)) {
        Properties p = new Properties();
        Properties original = op.getParameters(id);
        if (original != null) {
          original.stringPropertyNames().forEach(n -> p.setProperty(n, original.getProperty(n)));
        }
        p.setProperty("jberet.restart.mode", "detect");
        try {
          long restarted = op.restart(id, p);
          LOG.warning(
              () ->
                  "Job "
                      + job
                      + " execution "
                      + id
                      + " was left STARTED by a crash: marked FAILED and restarted from its"
                      + " checkpoint as execution "
                      + restarted);
          if (job.equals(AUDIT_JOB)) {
            audits.finished(id, false);
          }
        } catch (JobRestartException e) {
          LOG.fine(() -> "Execution " + id + " of " + job + " runs in this server: " + e);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "Could not restart execution " + id + " of " + job, e);
        }
      }
    }
  }

  private void ensureCalendarTimer(String name, String schedule) {
    String info = name + "|" + schedule.strip();
    boolean present = false;
    for (Timer t : timers.getTimers()) {
      Object i = t.getInfo();
      if (i instanceof String s && s.startsWith(name + "|")) {
        if (s.equals(info) && !present) {
          present = true;
        } else {
          t.cancel();
          LOG.info(() -> "Timer '" + s + "' replaced by '" + info + "'");
        }
      }
    }
    if (present) {
      LOG.info(() -> "Timer '" + info + "' kept from an earlier start");
      return;
    }
    try {
      timers.createCalendarTimer(ConfiguredSchedule.parse(schedule), new TimerConfig(info, true));
      LOG.info(() -> "Timer '" + info + "' created");
    } catch (IllegalArgumentException e) {
      LOG.severe(() -> "No " + name + " timer: " + e.getMessage());
    }
  }

  // ------------------------------------------------------------------ JBeret

  private static JobOperator operator() {
    return BatchRuntime.getJobOperator();
  }

  private static List<Long> running(String job) {
    try {
      return operator().getRunningExecutions(job);
    } catch (NoSuchJobException e) {
      return List.of();
    }
  }

  private static ArchiveRunView view(JobOperator op, long id) {
    JobExecution e = op.getJobExecution(id);
    Properties p = e.getJobParameters() == null ? new Properties() : e.getJobParameters();
    long read = 0;
    long written = 0;
    long filtered = 0;
    long skipped = 0;
    long rollbacks = 0;
    long commits = 0;
    ArchiveRunMetrics custom = null;
    for (StepExecution s : op.getStepExecutions(id)) {
      for (Metric m : s.getMetrics()) {
        switch (m.getType()) {
          case READ_COUNT -> read += m.getValue();
          case WRITE_COUNT -> written += m.getValue();
          case FILTER_COUNT -> filtered += m.getValue();
          case READ_SKIP_COUNT, PROCESS_SKIP_COUNT, WRITE_SKIP_COUNT -> skipped += m.getValue();
          case ROLLBACK_COUNT -> rollbacks += m.getValue();
          case COMMIT_COUNT -> commits += m.getValue();
          default -> {}
        }
      }
      try {
        if (s.getPersistentUserData() instanceof ArchiveRunMetrics m) {
          custom = m;
        }
      } catch (RuntimeException ex) {
        LOG.log(Level.FINE, "Metrics of execution " + id + " unreadable", ex);
      }
    }
    Instant started = instant(e.getStartTime());
    Instant ended = instant(e.getEndTime());
    Long duration = null;
    if (started != null) {
      Instant until =
          ended != null
              ? ended
              : (e.getBatchStatus() == BatchStatus.STARTED ? Instant.now() : null);
      duration = until == null ? null : until.toEpochMilli() - started.toEpochMilli();
    }
    return new ArchiveRunView(
        id,
        op.getJobInstance(id).getInstanceId(),
        e.getBatchStatus() == null ? null : e.getBatchStatus().name(),
        e.getExitStatus(),
        p.getProperty("kind"),
        p.getProperty("requestedBy"),
        custom == null ? 0 : custom.caseFiles(),
        read,
        written,
        filtered,
        skipped,
        custom == null ? 0 : custom.retriedCount(),
        rollbacks,
        commits,
        custom == null ? 0 : custom.bytes(),
        instant(e.getCreateTime()),
        started,
        ended,
        duration);
  }

  private static Instant instant(Date d) {
    return d == null ? null : d.toInstant();
  }
}
