package org.penneoarchive.domain.casefile;

/**
 * The product's state of a case file (CONTRACT.md transition table). A new case file is {@code
 * ACTIVE}; {@link CaseFileStateMachine} derives the state from {@link CaseFileFacts}.
 */
public enum CaseFileState {
  /** Sent for signing, or any case file with no final outcome yet. */
  ACTIVE,
  /** Penneo sent {@code completed} and its API confirmed status 5: ready to archive. */
  COMPLETED,
  /** A signer rejected; the earliest of rejected/expired/failed holds. */
  REJECTED,
  /** Not signed before the expiry date. */
  EXPIRED,
  /** An error at Penneo's side. */
  FAILED,
  /** The bag is on disk. */
  ARCHIVED,
  /** The archive job failed for this case file; a later sweep or "archive again" retries. */
  ARCHIVE_FAILED
}
