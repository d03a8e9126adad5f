package org.penneoarchive.batch.casefiles;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.logging.Logger;
import org.penneoarchive.application.archive.ArchiveRecords;
import org.penneoarchive.batch.ArchiveClaims;
import org.penneoarchive.batch.ArchiveSettings;

/**
 * Hands out the case files of this execution, one id at a time: the ids it was given ({@code
 * caseFiles}, comma-separated: completions or "archive again"), or for a sweep every case file
 * waiting or failed in passing, fixed when the execution starts. Restarted, it resumes after the
 * last committed case file ({@link ArchiveCheckpoint}). A case file another running execution is
 * archiving is passed over.
 */
@Dependent
@Named("caseFileReader")
public class CaseFileReader extends AbstractItemReader {

  private static final Logger LOG = Logger.getLogger(CaseFileReader.class.getName());

  /** Longest explicit list accepted (a job parameter is at most 3000 characters anyway). */
  static final int MAX_GIVEN = 500;

  @Inject JobContext job;
  @Inject StepContext step;
  @Inject ArchiveRecords records;
  @Inject ArchiveSettings settings;
  @Inject ArchiveClaims claims;

  @Inject
  @BatchProperty(name = "caseFiles")
  String caseFiles;

  private List<Long> ids;
  private int next;

  @Override
  public void open(Serializable checkpoint) {
    if (ids != null) {
      // Reopened by a retry in this execution: back to the last commit, same list.
      next = checkpoint instanceof ArchiveCheckpoint c ? c.next() : 0;
      return;
    }
    if (checkpoint instanceof ArchiveCheckpoint c) {
      ids = c.caseFiles();
      next = c.next();
      Metrics.update(step, ArchiveRunMetrics::restarted);
      LOG.info(
          () ->
              "Archive execution "
                  + job.getExecutionId()
                  + " resumes at case file "
                  + (next + 1)
                  + " of "
                  + ids.size());
    } else {
      ids =
          caseFiles == null || caseFiles.isBlank()
              ? records.sweepCandidates(settings.sweepMaxCaseFiles())
              : parse(caseFiles);
      next = 0;
      int given = ids.size();
      Metrics.update(step, m -> m.given(given));
      LOG.info(
          () ->
              "Archive execution "
                  + job.getExecutionId()
                  + " takes "
                  + ids.size()
                  + " case files: "
                  + preview(ids));
    }
  }

  @Override
  public Object readItem() {
    while (next < ids.size()) {
      long id = ids.get(next++);
      if (claims.claim(id, job.getExecutionId())) {
        return id;
      }
      LOG.info(
          () ->
              "Case file "
                  + id
                  + ": execution "
                  + claims.owner(id)
                  + " is archiving it now; execution "
                  + job.getExecutionId()
                  + " passes over it");
    }
    return null;
  }

  @Override
  public Serializable checkpointInfo() {
    return new ArchiveCheckpoint(ids, next);
  }

  @Override
  public void close() {
    claims.releaseAll(job.getExecutionId());
  }

  static List<Long> parse(String list) {
    LinkedHashSet<Long> out = new LinkedHashSet<>();
    for (String part : list.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      long id;
      try {
        id = Long.parseLong(p);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("caseFiles holds '" + p + "', not a case file id", e);
      }
      if (id < 0) {
        throw new IllegalArgumentException("caseFiles holds a negative id " + id);
      }
      out.add(id);
      if (out.size() > MAX_GIVEN) {
        throw new IllegalArgumentException("caseFiles holds more than " + MAX_GIVEN + " ids");
      }
    }
    return new ArrayList<>(out);
  }

  private static String preview(List<Long> ids) {
    return ids.size() <= 20
        ? ids.toString()
        : ids.subList(0, 20) + " and " + (ids.size() - 20) + " more";
  }
}
