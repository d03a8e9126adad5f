package org.penneoarchive.batch.fixity;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.penneoarchive.application.archive.FixityAuditService;

/** Opens the audit's record when the job starts and closes it with the job's outcome. */
@Dependent
@Named("fixityAuditListener")
public class FixityAuditListener implements JobListener {

  @Inject JobContext job;
  @Inject FixityAuditService audits;

  @Inject
  @BatchProperty(name = "requestedBy")
  String requestedBy;

  @Override
  public void beforeJob() {
    audits.started(job.getExecutionId(), requestedBy);
  }

  @Override
  public void afterJob() {
    audits.finished(
        job.getExecutionId(),
        job.getBatchStatus() != BatchStatus.FAILED && job.getBatchStatus() != BatchStatus.STOPPED);
  }
}
