package org.penneoarchive.application.casefile;

import java.time.Instant;

/** A line of the case-file list. */
public record CaseFileSummary(
    long penneoId, String title, String state, Integer penneoStatus, Instant lastActivityAt) {}
