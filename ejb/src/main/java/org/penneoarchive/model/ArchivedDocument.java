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
 * A signed PDF as it lies in the archive: where, with which fixity, and whether its PAdES seal
 * verified. Written once, in the transaction that marks its case file {@code ARCHIVED}; the unique
 * Penneo document id makes a second copy impossible.
 */
@Entity
@Table(name = "archived_document")
public class ArchivedDocument {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "archived_document_seq")
  @SequenceGenerator(
      name = "archived_document_seq",
      sequenceName = "archived_document_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "case_file_penneo_id", nullable = false)
  private long caseFilePenneoId;

  @Column(name = "penneo_document_id", nullable = false, unique = true)
  private long penneoDocumentId;

  @Column(length = 1000)
  private String title;

  @Column(name = "file_name", nullable = false, length = 400)
  private String fileName;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Column(nullable = false)
  private int pages;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(nullable = false, length = 128)
  private String sha512;

  @Column(name = "signature_valid", nullable = false)
  private boolean signatureValid;

  @Column(name = "seal_reason", nullable = false, length = 1000)
  private String sealReason;

  @Column(name = "signer_subject", length = 1000)
  private String signerSubject;

  @Column(name = "xades_files", nullable = false)
  private int xadesFiles;

  @Column(name = "file_path", nullable = false, length = 2000)
  private String path;

  @Column(name = "archived_at", nullable = false)
  private Instant archivedAt;

  @Column(name = "job_execution_id")
  private Long jobExecutionId;

  protected ArchivedDocument() {}

  public ArchivedDocument(
      long caseFilePenneoId,
      long penneoDocumentId,
      String title,
      String fileName,
      long size,
      int pages,
      String sha256,
      String sha512,
      boolean signatureValid,
      String sealReason,
      String signerSubject,
      int xadesFiles,
      String path,
      Instant archivedAt,
      Long jobExecutionId) {
    this.caseFilePenneoId = caseFilePenneoId;
    this.penneoDocumentId = penneoDocumentId;
    this.title = cut(title, 1000);
    this.fileName = fileName;
    this.size = size;
    this.pages = pages;
    this.sha256 = sha256;
    this.sha512 = sha512;
    this.signatureValid = signatureValid;
    this.sealReason = cut(sealReason, 1000);
    this.signerSubject = cut(signerSubject, 1000);
    this.xadesFiles = xadesFiles;
    this.path = path;
    this.archivedAt = archivedAt;
    this.jobExecutionId = jobExecutionId;
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  public Long getId() {
    return id;
  }

  public long getCaseFilePenneoId() {
    return caseFilePenneoId;
  }

  public long getPenneoDocumentId() {
    return penneoDocumentId;
  }

  public String getTitle() {
    return title;
  }

  public String getFileName() {
    return fileName;
  }

  public long getSize() {
    return size;
  }

  public int getPages() {
    return pages;
  }

  public String getSha256() {
    return sha256;
  }

  public String getSha512() {
    return sha512;
  }

  public boolean isSignatureValid() {
    return signatureValid;
  }

  public String getSealReason() {
    return sealReason;
  }

  public String getSignerSubject() {
    return signerSubject;
  }

  public int getXadesFiles() {
    return xadesFiles;
  }

  public String getPath() {
    return path;
  }

  public Instant getArchivedAt() {
    return archivedAt;
  }

  public Long getJobExecutionId() {
    return jobExecutionId;
  }
}
