package org.penneoarchive.domain.webhook;

import java.util.Objects;

/**
 * The result of checking a current-service signature: the outcome, a reason to record (never the
 * secret or the expected signature), and which of the given secrets matched ({@code -1} if none),
 * so that a rotation can tell when the old secret has stopped being used.
 */
public record Verification(Verification.Outcome outcome, String reason, int secretIndex) {

  /** What the check found. Only {@code VALID} lets a call through; the others answer 401. */
  public enum Outcome {
    VALID,
    /** No signature header. */
    MISSING,
    /** A header that is not {@code t=<unix seconds>,v1=<64 hex digits>}. */
    MALFORMED,
    /** The timestamp is further from now than the tolerance. */
    STALE,
    /** No {@code v1} matches any secret. */
    MISMATCH
  }

  public Verification {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    if ((outcome == Outcome.VALID) != (secretIndex >= 0)) {
      throw new IllegalArgumentException(
          "A valid signature names the secret that matched; any other result names none.");
    }
  }

  /** Whether the call is authentic and fresh. */
  public boolean isValid() {
    return outcome == Outcome.VALID;
  }

  static Verification valid(int secretIndex) {
    return new Verification(Outcome.VALID, "signature valid", secretIndex);
  }

  static Verification refused(Outcome outcome, String reason) {
    return new Verification(outcome, reason, -1);
  }
}
