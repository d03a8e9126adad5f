package org.penneoarchive.application.subscription;

/** A subscription was created, changed or removed (observed after the transaction ends). */
public record SubscriptionsChanged(long subscriptionId) {}
