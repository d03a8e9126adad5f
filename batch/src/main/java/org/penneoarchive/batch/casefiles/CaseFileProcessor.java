package org.penneoarchive.batch.casefiles;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.penneoarchive.batch.ArchiveSettings;

/**
 * Prepares one case file ({@link CaseFileArchiver#prepare}); null (filtered) when it is no longer
 * to be archived. Counts the attempts per case file: a passing fault is retried by the job until
 * {@code archive.item-attempts} (pausing {@code archive.retry-delay-millis}, doubling, between
 * attempts), then the case file is deferred to the next sweep so that the rest of the job goes on.
 */
@Dependent
@Named("caseFileProcessor")
public class CaseFileProcessor implements ItemProcessor {

  private static final Logger LOG = Logger.getLogger(CaseFileProcessor.class.getName());

  @Inject JobContext job;
  @Inject CaseFileArchiver archiver;
  @Inject ArchiveSettings settings;

  @Inject
  @BatchProperty(name = "again")
  String again;

  private final Map<Long, Integer> attempts = new HashMap<>();

  @Override
  public Object processItem(Object item) throws Exception {
    long caseFileId = (Long) item;
    int attempt = attempts.merge(caseFileId, 1, Integer::sum);
    try {
      return archiver.prepare(caseFileId, Boolean.parseBoolean(again), job.getExecutionId());
    } catch (TransientArchiveException e) {
      if (attempt >= settings.itemAttempts()) {
        throw new CaseFileDeferredException(
            caseFileId,
            e.getMessage() + " (gave up after " + attempt + " attempts in this run)",
            e);
      }
      long pause = settings.retryDelayMillis() << Math.min(attempt - 1, 4);
      LOG.info(
          () ->
              "Case file "
                  + caseFileId
                  + ": attempt "
                  + attempt
                  + " failed in passing, retrying in "
                  + pause
                  + " ms: "
                  + e.getMessage());
      // The job retries at once; a pause gives "not ready yet" at Penneo time to pass (HTTP
      // retries with their own back-off have already happened inside the Penneo client).
      Thread.sleep(pause);
      throw e;
    } catch (CaseFileQuarantinedException e) {
      throw e;
    } catch (RuntimeException e) {
      // A fault nobody foresaw must not stop the archiving of every other case file.
      LOG.log(Level.SEVERE, "Case file " + caseFileId + ": unexpected failure", e);
      throw new CaseFileDeferredException(caseFileId, "unexpected failure: " + e, e);
    }
  }
}
