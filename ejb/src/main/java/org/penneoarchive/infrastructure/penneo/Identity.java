package org.penneoarchive.infrastructure.penneo;

/**
 * Which Penneo account a call is made as.
 *
 * <p>Two accounts exist because they may see different things: the subscribing user owns the
 * webhook subscriptions, while the super API user can read every case file and document of the
 * customer account (and so gets the full notification payload and the signed PDFs).
 */
public enum Identity {
  /** The user that owns the subscriptions ({@code penneo.api.key}/{@code penneo.api.secret}). */
  SUBSCRIBER,
  /** The super API user ({@code penneo.archive-user.key}/{@code penneo.archive-user.secret}). */
  ARCHIVE
}
