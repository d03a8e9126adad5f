package org.penneoarchive.application.intake;

import java.time.Instant;

/** A notification that failed processing, as operators see it. */
public record DeadLetterView(
    long id,
    String intakeId,
    Long subscriptionId,
    Instant receivedAt,
    Instant deadLetteredAt,
    String state,
    String lastError,
    Integer attempts,
    String bodyExcerpt,
    Instant handledAt,
    String handledBy) {}
