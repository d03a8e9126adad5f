package org.penneoarchive.application.tasks;

import java.time.Instant;
import java.util.List;

/** A staff task with its comments, as the API and the console show it. */
public record StaffTaskView(
    long id,
    String kind,
    String state,
    Long caseFilePenneoId,
    Long signerPenneoId,
    String summary,
    String assignee,
    Instant createdAt,
    Instant updatedAt,
    Instant resolvedAt,
    String resolvedBy,
    List<Comment> comments) {

  public record Comment(String author, Instant writtenAt, String body) {}
}
