package org.penneoarchive.application.intake;

import java.time.Instant;

/** An accepted webhook call and what processing made of it. */
public record AcceptedDeliveryView(
    long id,
    long subscriptionId,
    Instant receivedAt,
    String contentType,
    String xEventType,
    String outcome,
    String detail,
    String bodyExcerpt) {}
