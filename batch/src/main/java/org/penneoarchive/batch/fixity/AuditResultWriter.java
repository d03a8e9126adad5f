package org.penneoarchive.batch.fixity;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.penneoarchive.application.archive.FixityAuditService;
import org.penneoarchive.application.archive.FixityAuditView;
import org.penneoarchive.archive.AuditResult;

/** Stores each bag's audit: counts on the run, and what no longer matches. */
@Dependent
@Named("auditResultWriter")
public class AuditResultWriter extends AbstractItemWriter {

  @Inject JobContext job;
  @Inject FixityAuditService audits;

  @Override
  public void writeItems(List<Object> items) {
    for (Object item : items) {
      AuditResult r = (AuditResult) item;
      List<FixityAuditView.Finding> findings = new ArrayList<>();
      String bag = r.bagDir().toString();
      r.missing().forEach(p -> findings.add(new FixityAuditView.Finding(bag, "MISSING", p)));
      r.extra().forEach(p -> findings.add(new FixityAuditView.Finding(bag, "EXTRA", p)));
      r.mismatched().forEach(p -> findings.add(new FixityAuditView.Finding(bag, "MISMATCH", p)));
      r.problems().forEach(p -> findings.add(new FixityAuditView.Finding(bag, "PROBLEM", p)));
      audits.bagAudited(
          job.getExecutionId(), bag, r.ok(), r.filesChecked(), r.bytesChecked(), findings);
    }
  }
}
