package org.penneoarchive.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One staff or admin action: who did what to which thing, when. Append-only: nothing in the product
 * updates or deletes an entry, so the log answers "who resolved this task" years later.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
  @SequenceGenerator(
      name = "audit_entry_seq",
      sequenceName = "audit_entry_seq",
      allocationSize = 50)
  private Long id;

  @Column(nullable = false)
  private Instant at;

  @Column(nullable = false, length = 200)
  private String actor;

  @Column(nullable = false, length = 100)
  private String action;

  @Column(length = 500)
  private String target;

  @Column(length = 2000)
  private String detail;

  protected AuditEntry() {}

  public AuditEntry(Instant at, String actor, String action, String target, String detail) {
    this.at = at;
    this.actor = cut(actor, 200);
    this.action = cut(action, 100);
    this.target = cut(target, 500);
    this.detail = cut(detail, 2000);
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  public Long getId() {
    return id;
  }

  public Instant getAt() {
    return at;
  }

  public String getActor() {
    return actor;
  }

  public String getAction() {
    return action;
  }

  public String getTarget() {
    return target;
  }

  public String getDetail() {
    return detail;
  }
}
