package org.penneoarchive.application.audit;

import java.time.Instant;

/** An audit entry as the console and the API show it. */
public record AuditEntryView(
    long id, Instant at, String actor, String action, String target, String detail) {}
