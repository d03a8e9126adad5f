package org.penneoarchive.model;

/** What processing made of an accepted webhook call. */
public enum DeliveryOutcome {
  /** A new distinct event, applied. */
  APPLIED,
  /** A repeat of an event already on the timeline. */
  DUPLICATE,
  /** A legacy confirmation token. */
  CONFIRMATION_TOKEN,
  /** A test notification. */
  TEST,
  /** JSON that is not a notification the product understands (kept, never an error). */
  NOT_UNDERSTOOD
}
