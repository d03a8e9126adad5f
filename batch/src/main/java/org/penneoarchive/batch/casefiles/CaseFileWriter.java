package org.penneoarchive.batch.casefiles;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.penneoarchive.application.archive.ArchiveRecords;
import org.penneoarchive.archive.BagConflictException;
import org.penneoarchive.archive.BagResult;
import org.penneoarchive.batch.ArchiveSettings;

/**
 * Puts each prepared case file's bag in place and records it, in the chunk's transaction: the
 * documents, the bag path and the state {@code ARCHIVED}. The bag is moved into place before the
 * transaction commits; if the commit fails the retry finds the identical bag already there and only
 * records it. The work folder is deleted whatever happens.
 */
@Dependent
@Named("caseFileWriter")
public class CaseFileWriter extends AbstractItemWriter {

  private static final Logger LOG = Logger.getLogger(CaseFileWriter.class.getName());

  @Inject JobContext job;
  @Inject StepContext step;
  @Inject CaseFileArchiver archiver;
  @Inject ArchiveRecords records;
  @Inject ArchiveSettings settings;

  private final Map<Long, Integer> attempts = new HashMap<>();

  @Override
  public void writeItems(List<Object> items) throws Exception {
    try {
      for (Object item : items) {
        ArchivePackage p = (ArchivePackage) item;
        BagResult bag;
        try {
          bag = archiver.write(p);
        } catch (BagConflictException e) {
          throw new CaseFileQuarantinedException(p.caseFileId(), e.getMessage(), e.bagDir(), e);
        } catch (IOException e) {
          int attempt = attempts.merge(p.caseFileId(), 1, Integer::sum);
          String reason =
              "Case file " + p.caseFileId() + ": the bag could not be written: " + e.getMessage();
          if (attempt >= settings.itemAttempts()) {
            throw new CaseFileDeferredException(p.caseFileId(), reason, e);
          }
          throw new TransientArchiveException(reason, e);
        }
        boolean recorded =
            records.archived(
                p.caseFileId(), bag.bagDir(), archiver.placed(p, bag), job.getExecutionId());
        if (bag.alreadyPresent()) {
          Metrics.update(step, ArchiveRunMetrics::bagAlreadyPresent);
        } else {
          Metrics.update(step, m -> m.bagWritten(bag.payloadBytes()));
        }
        LOG.info(
            () ->
                "Case file "
                    + p.caseFileId()
                    + ": bag "
                    + (bag.alreadyPresent() ? "already present" : "written")
                    + " at "
                    + bag.bagDir()
                    + (recorded ? "" : " (it was already recorded as archived)"));
      }
    } finally {
      items.forEach(i -> archiver.discard((ArchivePackage) i));
    }
  }
}
