package org.penneoarchive.domain.signer;

/**
 * A signer's progress, from signer events. The order of the constants is the tie-break when two
 * events carry the same {@code eventTime}: the later constant wins (further along a signing round,
 * final outcomes over progress, deletion last).
 */
public enum SignerState {
  /** No state-bearing signer event seen yet. */
  PENDING,
  /** {@code requestActivated}: the signer's round has come up; they may sign. */
  REQUEST_ACTIVATED,
  /** {@code requestSent}: the signing request e-mail went out. */
  REQUEST_SENT,
  /** {@code reminderSent}: a reminder went out. */
  REMINDER_SENT,
  /** {@code undeliverable}: Penneo cannot e-mail the signer (a staff task). */
  UNDELIVERABLE,
  /** {@code requestOpened}: the e-mail was opened. */
  REQUEST_OPENED,
  /** {@code opened}: the signer viewed the signing page. */
  OPENED,
  /** {@code rejected}: the signer rejected. */
  REJECTED,
  /** {@code signed} or {@code signedWithImageUploadAndNAP}: the signer signed. */
  SIGNED,
  /** {@code finalized}: the signer's case file was finalized. */
  FINALIZED,
  /** {@code deleted}: the signer was deleted at Penneo. */
  DELETED
}
