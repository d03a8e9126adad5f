package org.penneoarchive.application.archive;

import java.time.Instant;
import java.util.List;

/**
 * One fixity audit of the archive with what it found.
 *
 * @param status {@code RUNNING}, {@code COMPLETED} or {@code FAILED}
 * @param findings what is wrong, bag by bag (at most {@link FixityAuditService#MAX_SHOWN})
 */
public record FixityAuditView(
    long id,
    long executionId,
    String requestedBy,
    String status,
    Instant startedAt,
    Instant finishedAt,
    int bagsChecked,
    int bagsFailed,
    long filesChecked,
    long bytesChecked,
    List<Finding> findings) {

  public FixityAuditView {
    findings = List.copyOf(findings);
  }

  /** One problem of one bag; {@code kind} is MISSING, EXTRA, MISMATCH or PROBLEM. */
  public record Finding(String bag, String kind, String detail) {}
}
