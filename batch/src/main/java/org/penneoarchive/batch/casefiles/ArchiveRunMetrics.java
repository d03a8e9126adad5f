package org.penneoarchive.batch.casefiles;

import java.io.Serializable;

/**
 * What the step metrics of Jakarta Batch do not count, kept as the step's persistent user data
 * (saved at every checkpoint): bytes of new bags, retries, and how the case files ended. Each
 * execution counts its own work, a restart included.
 */
public final class ArchiveRunMetrics implements Serializable {

  private static final long serialVersionUID = 1L;

  private int caseFiles;
  private long bytes;
  private long retried;
  private long archived;
  private long alreadyPresent;
  private long quarantined;
  private long deferred;

  public synchronized void given(int caseFiles) {
    this.caseFiles = caseFiles;
  }

  /**
   * A restart counts its own work: the counts carried over from the interrupted execution are
   * dropped (that execution keeps them), the case files given stay.
   */
  public synchronized void restarted() {
    bytes = 0;
    retried = 0;
    archived = 0;
    alreadyPresent = 0;
    quarantined = 0;
    deferred = 0;
  }

  public synchronized void bagWritten(long bytes) {
    this.bytes += bytes;
    archived++;
  }

  public synchronized void bagAlreadyPresent() {
    alreadyPresent++;
  }

  public synchronized void retried() {
    retried++;
  }

  public synchronized void quarantined() {
    quarantined++;
  }

  public synchronized void deferred() {
    deferred++;
  }

  public synchronized int caseFiles() {
    return caseFiles;
  }

  public synchronized long bytes() {
    return bytes;
  }

  public synchronized long retriedCount() {
    return retried;
  }

  public synchronized long archived() {
    return archived;
  }

  public synchronized long alreadyPresent() {
    return alreadyPresent;
  }

  public synchronized long quarantinedCount() {
    return quarantined;
  }

  public synchronized long deferredCount() {
    return deferred;
  }

  @Override
  public synchronized String toString() {
    return caseFiles
        + " case files given, "
        + archived
        + " bags written ("
        + bytes
        + " bytes), "
        + alreadyPresent
        + " already present, "
        + quarantined
        + " quarantined, "
        + deferred
        + " deferred, "
        + retried
        + " retries";
  }
}
