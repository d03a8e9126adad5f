package org.penneoarchive.application.intake;

/**
 * A case file needs a look at Penneo's API (enrichment, or confirming a completion). Observed after
 * the transaction commits, so that the check runs promptly; a timer retries what is left.
 */
public record PenneoCheckRequested(long caseFilePenneoId) {}
