package org.penneoarchive.application.intake;

/** A legacy subscription's confirmation token was stored; confirm it at Penneo after commit. */
public record ConfirmationTokenReceived(long subscriptionId) {}
