package org.penneoarchive.batch.casefiles;

import jakarta.batch.api.chunk.listener.RetryProcessListener;
import jakarta.batch.api.chunk.listener.RetryWriteListener;
import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.batch.api.chunk.listener.SkipWriteListener;
import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.logging.Logger;
import org.penneoarchive.application.archive.ArchiveRecords;

/**
 * Records what the fault policy of the job XML decided: a skipped case file becomes {@code
 * ARCHIVE_FAILED} with its reason — quarantined, or deferred to the next sweep — and every retry
 * and skip is counted in the run's {@link ArchiveRunMetrics} and logged with the case file.
 */
@Dependent
@Named("archiveListener")
public class ArchiveListener
    implements SkipProcessListener,
        SkipWriteListener,
        RetryProcessListener,
        RetryWriteListener,
        StepListener {

  private static final Logger LOG = Logger.getLogger(ArchiveListener.class.getName());

  @Inject JobContext job;
  @Inject StepContext step;
  @Inject ArchiveRecords records;

  @Override
  public void onSkipProcessItem(Object item, Exception e) {
    skipped((Long) item, e);
  }

  @Override
  public void onSkipWriteItem(List<Object> items, Exception e) {
    for (Object item : items) {
      skipped(((ArchivePackage) item).caseFileId(), e);
    }
  }

  @Override
  public void onRetryProcessException(Object item, Exception e) {
    retried(e);
  }

  @Override
  public void onRetryWriteException(List<Object> items, Exception e) {
    retried(e);
  }

  @Override
  public void beforeStep() {
    Metrics.of(step);
  }

  @Override
  public void afterStep() {
    LOG.info(
        () ->
            "Archive execution "
                + job.getExecutionId()
                + " ("
                + job.getBatchStatus()
                + "): "
                + Metrics.of(step));
  }

  private void retried(Exception e) {
    Metrics.update(step, ArchiveRunMetrics::retried);
    LOG.info(() -> "Archive execution " + job.getExecutionId() + " retries: " + e.getMessage());
  }

  private void skipped(long caseFileId, Exception e) {
    if (e instanceof CaseFileQuarantinedException q) {
      Metrics.update(step, ArchiveRunMetrics::quarantined);
      records.failed(caseFileId, q.getMessage(), false, q.quarantinePath(), job.getExecutionId());
    } else {
      Metrics.update(step, ArchiveRunMetrics::deferred);
      records.failed(caseFileId, e.getMessage(), true, null, job.getExecutionId());
    }
  }
}
