package org.penneosandbox.lifecycle;

/**
 * One step of a case file's life.
 *
 * @param kind what changes
 * @param eventType the signer or case file event it causes (legacy name), if any
 * @param signerId the signer concerned, for signer steps
 * @param round the signing round, for ROUND steps
 */
public record Step(Kind kind, String eventType, long signerId, int round) {

  public enum Kind {
    /** Case file sent: status pending, every signer's request activated. */
    ACTIVATE,
    /** A further signing round: requests activated again. */
    ROUND,
    /** requestSent, requestOpened, opened, reminderSent, signed, rejected, undeliverable. */
    SIGNER,
    /** Everyone signed: status 4, the signed PDFs "being generated". */
    ALL_SIGNED,
    /** completed, rejected, expired or failed. */
    END,
    /** After completion: each signer's finalized. */
    FINALIZE
  }

  static Step activate() {
    return new Step(Kind.ACTIVATE, "requestActivated", 0, 1);
  }

  static Step round(int n) {
    return new Step(Kind.ROUND, "requestActivated", 0, n);
  }

  static Step signer(String eventType, long signerId) {
    return new Step(Kind.SIGNER, eventType, signerId, 0);
  }

  static Step allSigned() {
    return new Step(Kind.ALL_SIGNED, null, 0, 0);
  }

  static Step end(String eventType) {
    return new Step(Kind.END, eventType, 0, 0);
  }

  static Step finalize(long signerId) {
    return new Step(Kind.FINALIZE, "finalized", signerId, 0);
  }

  public String describe() {
    return switch (kind) {
      case ACTIVATE -> "activated";
      case ROUND -> "round " + round;
      case ALL_SIGNED -> "all signed (status 4)";
      case END -> "casefile " + eventType;
      default -> "signer " + signerId + " " + eventType;
    };
  }
}
