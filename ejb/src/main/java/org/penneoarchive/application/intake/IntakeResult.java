package org.penneoarchive.application.intake;

/** What the receiver answers: 200 with the intake id, or a refusal with its HTTP status. */
public record IntakeResult(int status, String error, String detail, String intakeId) {

  public static IntakeResult accepted(String intakeId) {
    return new IntakeResult(200, null, null, intakeId);
  }

  public static IntakeResult refused(int status, String error, String detail) {
    return new IntakeResult(status, error, detail, null);
  }

  public boolean isAccepted() {
    return status == 200;
  }
}
