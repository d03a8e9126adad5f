package org.penneosandbox.casefile;

import java.time.Instant;
import java.util.List;

/**
 * A case file. Its lifecycle fields change as the driver plays it; changes happen under the case
 * file's own lock (see {@code LifecycleService}), readers see volatile fields.
 */
public final class CaseFile {
  private final long id;
  private final String title;
  private final String reference;
  private final long ownerUserId;
  private final long customerId;
  private final Instant created;
  private final Instant expireAt;
  private final List<Signer> signers;
  private final List<Document> documents;
  private volatile int status = Status.CASEFILE_DRAFT;
  private volatile Instant activated;
  private volatile Instant sendAt;
  private volatile Instant completedAt;
  private volatile int signIteration;
  private volatile boolean ended;

  public CaseFile(
      long id,
      String title,
      long ownerUserId,
      long customerId,
      Instant created,
      List<Signer> signers,
      List<Document> documents) {
    this.id = id;
    this.title = title;
    this.reference = "SBX-" + id;
    this.ownerUserId = ownerUserId;
    this.customerId = customerId;
    this.created = created;
    this.expireAt = created.plusSeconds(30L * 24 * 3600);
    this.signers = List.copyOf(signers);
    this.documents = List.copyOf(documents);
  }

  public long id() {
    return id;
  }

  public String title() {
    return title;
  }

  public String reference() {
    return reference;
  }

  public long ownerUserId() {
    return ownerUserId;
  }

  public long customerId() {
    return customerId;
  }

  public Instant created() {
    return created;
  }

  public Instant expireAt() {
    return expireAt;
  }

  public List<Signer> signers() {
    return signers;
  }

  public List<Document> documents() {
    return documents;
  }

  public int status() {
    return status;
  }

  public void status(int status) {
    this.status = status;
  }

  public Instant activated() {
    return activated;
  }

  public void activated(Instant at) {
    this.activated = at;
    this.sendAt = at;
  }

  public Instant sendAt() {
    return sendAt;
  }

  /** When the case file reached status 5 (the "documents not ready" fault counts from here). */
  public Instant completedAt() {
    return completedAt;
  }

  public void completedAt(Instant at) {
    this.completedAt = at;
  }

  public int signIteration() {
    return signIteration;
  }

  public void signIteration(int n) {
    this.signIteration = n;
  }

  /** True once completed, rejected, expired or failed: no more lifecycle steps. */
  public boolean ended() {
    return ended;
  }

  public void ended(boolean ended) {
    this.ended = ended;
  }
}
