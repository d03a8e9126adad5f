package org.penneoarchive.domain.casefile;

/**
 * The outcome of archiving a case file so far. Outcomes only move forward ({@code NONE} → {@code
 * FAILED} → {@code ARCHIVED}): a bag once written is never taken back, so recording a failure after
 * a success changes nothing.
 */
public enum ArchiveStatus {
  NONE,
  FAILED,
  ARCHIVED;

  /** The further of the two outcomes. */
  ArchiveStatus max(ArchiveStatus other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
