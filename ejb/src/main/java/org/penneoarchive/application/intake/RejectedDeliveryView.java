package org.penneoarchive.application.intake;

import java.time.Instant;

/** A refused webhook call as operators see it. */
public record RejectedDeliveryView(
    long id,
    Instant receivedAt,
    String endpointKey,
    int status,
    String reason,
    String contentType,
    long bodyBytes,
    String bodyExcerpt) {}
