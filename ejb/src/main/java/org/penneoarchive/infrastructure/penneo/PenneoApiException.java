package org.penneoarchive.infrastructure.penneo;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A call to Penneo did not give a usable answer.
 *
 * <p>Unchecked, because every caller (subscription service, intake, reconciliation, archive job)
 * handles it at one boundary — record it, schedule a retry, or show it — rather than at each call.
 * The {@link #kind()} tells the caller what to do: {@link Kind#TRANSIENT} may work later, {@link
 * Kind#PERMANENT} will not without a change, {@link Kind#NOT_FOUND} is an answer in itself.
 *
 * <p>The message names the call and the case file, document, signer or subscription when known, the
 * HTTP status, and at most 300 characters of Penneo's error body. It never holds a secret: known
 * secrets are masked in the excerpt, and requests, headers and URLs are never quoted.
 */
public class PenneoApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Longest excerpt of Penneo's error body that a message carries. */
  public static final int MAX_EXCERPT = 300;

  /** What the failure means for the caller. */
  public enum Kind {
    /** Penneo was unreachable, overloaded or failing; the same call may succeed later. */
    TRANSIENT,
    /** Penneo refused the call or answered nonsense; repeating it will not help. */
    PERMANENT,
    /** Penneo does not know the case file, document, signer or subscription. */
    NOT_FOUND
  }

  private final Kind kind;
  private final String call;
  private final String subjectKind;
  private final String subjectId;
  private final Integer status;
  private final String bodyExcerpt;

  PenneoApiException(
      Kind kind,
      PenneoCall call,
      String detail,
      Integer status,
      String bodyExcerpt,
      Throwable cause) {
    super(message(call, detail, status, bodyExcerpt), cause);
    this.kind = kind;
    this.call = call.name();
    this.subjectKind = call.subjectKind();
    this.subjectId = call.subjectId();
    this.status = status;
    this.bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
  }

  private static String message(PenneoCall call, String detail, Integer status, String excerpt) {
    StringBuilder m = new StringBuilder("Penneo call ").append(call.describe()).append(' ');
    m.append(detail);
    if (status != null && !detail.contains("HTTP " + status)) {
      m.append(" (HTTP ").append(status).append(')');
    }
    if (excerpt != null && !excerpt.isEmpty()) {
      m.append("; Penneo said: ").append(excerpt);
    }
    return m.toString();
  }

  /** Whether the same call may succeed later, whether it never will, or the thing is gone. */
  public Kind kind() {
    return kind;
  }

  /** The client method that failed, e.g. {@code getCaseFile}. */
  public String call() {
    return call;
  }

  /** What the call was about, e.g. "case file 531", when it was about one thing. */
  public Optional<String> subject() {
    return subjectKind == null ? Optional.empty() : Optional.of(subjectKind + " " + subjectId);
  }

  /** The case file the call was about, when it was about one. */
  public OptionalLong caseFileId() {
    return idOf(PenneoCall.CASE_FILE);
  }

  /** The document the call was about, when it was about one. */
  public OptionalLong documentId() {
    return idOf(PenneoCall.DOCUMENT);
  }

  private OptionalLong idOf(String kindOfSubject) {
    if (kindOfSubject.equals(subjectKind)) {
      try {
        return OptionalLong.of(Long.parseLong(subjectId));
      } catch (NumberFormatException e) {
        return OptionalLong.empty();
      }
    }
    return OptionalLong.empty();
  }

  /** The HTTP status of Penneo's last answer, when there was one. */
  public OptionalInt status() {
    return status == null ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /** At most {@value #MAX_EXCERPT} characters of Penneo's error body, secrets masked. */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }
}
