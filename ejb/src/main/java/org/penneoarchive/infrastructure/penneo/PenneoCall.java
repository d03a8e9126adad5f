package org.penneoarchive.infrastructure.penneo;

import java.util.Objects;

/**
 * Names one call to Penneo and what it is about, for log lines and error messages.
 *
 * <p>Kept apart from the request so that every message can say "getCaseFile for case file 531"
 * without ever printing a URL, a header or a body that might hold a secret.
 *
 * @param name the client method, e.g. {@code getCaseFile}
 * @param subjectKind what the id names ({@code case file}, {@code document}, {@code signer}, {@code
 *     subscription}), or {@code null}
 * @param subjectId the id, or {@code null}
 */
record PenneoCall(String name, String subjectKind, String subjectId) {

  static final String CASE_FILE = "case file";
  static final String DOCUMENT = "document";
  static final String SIGNER = "signer";
  static final String SUBSCRIPTION = "subscription";

  PenneoCall {
    Objects.requireNonNull(name, "name");
  }

  static PenneoCall of(String name) {
    return new PenneoCall(name, null, null);
  }

  static PenneoCall caseFile(String name, long id) {
    return new PenneoCall(name, CASE_FILE, Long.toString(id));
  }

  static PenneoCall document(String name, long id) {
    return new PenneoCall(name, DOCUMENT, Long.toString(id));
  }

  static PenneoCall signer(String name, long id) {
    return new PenneoCall(name, SIGNER, Long.toString(id));
  }

  static PenneoCall subscription(String name, String id) {
    return new PenneoCall(name, SUBSCRIPTION, id);
  }

  /** "case file 531", or {@code null} when the call is about no single thing. */
  String subject() {
    return subjectKind == null ? null : subjectKind + " " + subjectId;
  }

  /** "getCaseFile for case file 531", or just the name. */
  String describe() {
    return subjectKind == null ? name : name + " for " + subject();
  }
}
