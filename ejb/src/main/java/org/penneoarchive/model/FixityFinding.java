package org.penneoarchive.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One thing a fixity audit found wrong with a bag: a file {@code MISSING}, an {@code EXTRA} payload
 * file, a {@code MISMATCH} of a checksum, or another {@code PROBLEM}.
 */
@Entity
@Table(name = "fixity_finding")
public class FixityFinding {

  public static final int MAX_DETAIL = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "fixity_finding_seq")
  @SequenceGenerator(
      name = "fixity_finding_seq",
      sequenceName = "fixity_finding_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "audit_id", nullable = false)
  private long auditId;

  @Column(name = "bag_path", nullable = false, length = 2000)
  private String bagPath;

  @Column(nullable = false, length = 16)
  private String kind;

  @Column(nullable = false, length = MAX_DETAIL)
  private String detail;

  protected FixityFinding() {}

  public FixityFinding(long auditId, String bagPath, String kind, String detail) {
    this.auditId = auditId;
    this.bagPath = bagPath;
    this.kind = kind;
    this.detail = detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
  }

  public long getAuditId() {
    return auditId;
  }

  public String getBagPath() {
    return bagPath;
  }

  public String getKind() {
    return kind;
  }

  public String getDetail() {
    return detail;
  }
}
