package org.penneoarchive.application.archive;

import java.time.Instant;

/** An archived document as {@code GET /api/casefiles/{id}} shows it; {@code path} is absolute. */
public record ArchivedDocumentView(
    long penneoId,
    String title,
    String sha256,
    String sha512,
    long size,
    int pages,
    boolean signatureValid,
    String sealReason,
    Instant archivedAt,
    String path) {}
