package org.penneosandbox.casefile;

/** A signer and its signing request (Penneo keeps the request's status on the signer's side). */
public final class Signer {
  private final long id;
  private final long caseFileId;
  private final String name;
  private final String email;
  private volatile int status = Status.REQUEST_NEW;
  private volatile String rejectReason;

  public Signer(long id, long caseFileId, String name, String email) {
    this.id = id;
    this.caseFileId = caseFileId;
    this.name = name;
    this.email = email;
  }

  public long id() {
    return id;
  }

  public long caseFileId() {
    return caseFileId;
  }

  public String name() {
    return name;
  }

  public String email() {
    return email;
  }

  public int status() {
    return status;
  }

  public void status(int status) {
    this.status = status;
  }

  public String rejectReason() {
    return rejectReason;
  }

  public void rejectReason(String reason) {
    this.rejectReason = reason;
  }
}
