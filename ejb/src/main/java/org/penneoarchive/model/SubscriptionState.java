package org.penneoarchive.model;

/** A subscription's life as CONTRACT.md names it. */
public enum SubscriptionState {
  PENDING_CONFIRMATION,
  ACTIVE,
  PAUSED,
  FAILED
}
