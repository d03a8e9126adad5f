package org.penneoarchive.application.penneo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class PenneoCheckWorkerTest {

  /** Answers scripted batches; records how often it was asked. */
  static final class ScriptedChecks extends PenneoCheckService {
    final Deque<Batch> script = new ArrayDeque<>();
    final List<Batch> answered = new ArrayList<>();
    Runnable during = () -> {};

    @Override
    public Batch checkDueCaseFiles() {
      during.run();
      Batch b = script.isEmpty() ? new Batch(0, 0) : script.poll();
      answered.add(b);
      return b;
    }
  }

  /** Runs tasks when told to, on the test's thread. */
  static final class ManualExecutor implements java.util.concurrent.Executor {
    final Deque<Runnable> tasks = new ArrayDeque<>();
    boolean refuse;

    @Override
    public void execute(Runnable r) {
      if (refuse) {
        throw new RejectedExecutionException("shutting down");
      }
      tasks.add(r);
    }

    void runAll() {
      while (!tasks.isEmpty()) {
        tasks.poll().run();
      }
    }
  }

  private final ScriptedChecks checks = new ScriptedChecks();
  private final ManualExecutor executor = new ManualExecutor();
  private final PenneoCheckWorker worker = worker();

  private PenneoCheckWorker worker() {
    PenneoCheckWorker w = new PenneoCheckWorker();
    w.checks = checks;
    w.executor = executor;
    return w;
  }

  private static PenneoCheckService.Batch full() {
    return new PenneoCheckService.Batch(PenneoCheckService.BATCH, PenneoCheckService.BATCH);
  }

  @Test
  void manyWakesWhileQueuedMakeOneRun() {
    worker.wake();
    worker.wake();
    worker.wake();
    assertEquals(1, executor.tasks.size());
    executor.runAll();
    assertEquals(1, checks.answered.size());
  }

  @Test
  void fullBatchesAreFollowedByAnotherUntilAShortOne() {
    checks.script.add(full());
    checks.script.add(full());
    checks.script.add(new PenneoCheckService.Batch(7, 7));
    worker.wake();
    executor.runAll();
    assertEquals(3, checks.answered.size());
  }

  @Test
  void aFullBatchOfWhichNothingWasRecordedEndsTheRun() {
    // Nothing could be recorded: looking again at once would only repeat it; the timer retries.
    checks.script.add(new PenneoCheckService.Batch(PenneoCheckService.BATCH, 0));
    checks.script.add(full());
    worker.wake();
    executor.runAll();
    assertEquals(1, checks.answered.size());
  }

  @Test
  void aWakeDuringARunMakesItLookAgain() {
    checks.during =
        () -> {
          if (checks.answered.isEmpty()) {
            worker.wake(); // a commit asked for a check while the first look was under way
          }
        };
    worker.wake();
    executor.runAll();
    assertEquals(2, checks.answered.size());
  }

  @Test
  void aRefusedStartLeavesTheWorkerReadyForTheNextWake() {
    executor.refuse = true;
    worker.wake();
    executor.refuse = false;
    worker.wake();
    executor.runAll();
    assertEquals(1, checks.answered.size());
  }

  @Test
  void aFailingRunEndsAndTheNextWakeStartsAgain() {
    checks.during =
        () -> {
          if (checks.answered.isEmpty()) {
            checks.answered.add(null);
            throw new IllegalStateException("database down");
          }
        };
    worker.wake();
    executor.runAll();
    worker.wake();
    executor.runAll();
    assertEquals(2, checks.answered.size());
  }
}
