package org.penneoarchive.batch;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which running job execution is archiving which case file, so that a sweep passes over a case file
 * a prompt job is downloading right now (and the other way round) instead of fetching it twice. In
 * memory only: a crash forgets every claim along with the jobs that held them. Correctness does not
 * depend on it (bags are written atomically and recorded under a row lock); it saves work.
 */
@ApplicationScoped
public class ArchiveClaims {

  private final ConcurrentHashMap<Long, Long> owners = new ConcurrentHashMap<>();

  /** True if the execution holds the case file now (it may already have held it). */
  public boolean claim(long caseFileId, long executionId) {
    Long owner = owners.putIfAbsent(caseFileId, executionId);
    return owner == null || owner == executionId;
  }

  /** The execution that holds the case file, or null. */
  public Long owner(long caseFileId) {
    return owners.get(caseFileId);
  }

  public void releaseAll(long executionId) {
    owners.values().removeIf(owner -> owner == executionId);
  }
}
