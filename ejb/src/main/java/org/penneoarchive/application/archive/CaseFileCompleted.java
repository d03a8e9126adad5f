package org.penneoarchive.application.archive;

/**
 * Fired (CDI, after the transaction that confirmed it committed) when Penneo's API has confirmed
 * that a case file is completed, so that archiving can start within seconds.
 */
public record CaseFileCompleted(long penneoId) {}
