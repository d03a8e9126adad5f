package org.penneoarchive.application;

/**
 * Something a person did through the console or the API (who, what, to what, details). Fired as a
 * CDI event inside the action's transaction, so that the audit log records it with the action or
 * not at all.
 */
public record StaffAction(String actor, String action, String target, String detail) {}
