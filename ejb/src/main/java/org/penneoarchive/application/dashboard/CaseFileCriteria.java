package org.penneoarchive.application.dashboard;

import java.time.Instant;
import org.penneoarchive.application.subscription.InvalidRequestException;
import org.penneoarchive.domain.casefile.CaseFileState;

/**
 * What the console's case-file list asks for: each filter optional, one sort column, a page.
 *
 * @param penneoId exact Penneo id
 * @param title part of the title, any case
 * @param signer part of a signer's name, any case
 * @param activityFrom last activity at or after (inclusive)
 * @param activityTo last activity before (exclusive)
 */
public record CaseFileCriteria(
    Long penneoId,
    String title,
    String signer,
    CaseFileState state,
    Instant activityFrom,
    Instant activityTo,
    Sort sort,
    boolean ascending,
    int page,
    int size) {

  public static final int MAX_PAGE_SIZE = 200;
  public static final int MAX_TEXT = 200;

  /**
   * The sortable columns; each is backed by an index (V1, V4; state by (state, last_activity_at)).
   */
  public enum Sort {
    PENNEO_ID("c.penneoId"),
    TITLE("c.title"),
    STATE("c.state"),
    LAST_ACTIVITY("c.lastActivityAt"),
    CREATED("c.createdAt");

    final String path;

    Sort(String path) {
      this.path = path;
    }
  }

  public CaseFileCriteria {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidRequestException("page must be ≥ 0 and size between 1 and " + MAX_PAGE_SIZE);
    }
    title = text(title, "title");
    signer = text(signer, "signer");
    sort = sort == null ? Sort.LAST_ACTIVITY : sort;
    if (activityFrom != null && activityTo != null && !activityFrom.isBefore(activityTo)) {
      throw new InvalidRequestException("the date range ends before it starts");
    }
  }

  private static String text(String s, String name) {
    if (s == null || s.isBlank()) {
      return null;
    }
    if (s.length() > MAX_TEXT) {
      throw new InvalidRequestException(name + " is longer than " + MAX_TEXT + " characters");
    }
    return s.strip();
  }
}
