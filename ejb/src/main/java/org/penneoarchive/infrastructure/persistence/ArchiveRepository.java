package org.penneoarchive.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.penneoarchive.domain.casefile.CaseFileState;
import org.penneoarchive.model.ArchiveFailure;
import org.penneoarchive.model.ArchivedDocument;
import org.penneoarchive.model.CaseFile;

/** Archived documents, archive failures, and the case files waiting to be archived. */
@ApplicationScoped
public class ArchiveRepository {

  @PersistenceContext EntityManager em;

  /**
   * The case files a sweep takes, oldest completion first: every {@code COMPLETED} one, and every
   * {@code ARCHIVE_FAILED} one whose failure was passing (not quarantined).
   */
  public List<Long> sweepCandidates(int max) {
    return em.createQuery(
            "select c.penneoId from CaseFile c where c.state = :completed"
                + " or (c.state = :failed and not exists (select f.id from ArchiveFailure f"
                + " where f.caseFilePenneoId = c.penneoId and f.retryable = false))"
                + " order by c.completedAt, c.penneoId",
            Long.class)
        .setParameter("completed", CaseFileState.COMPLETED)
        .setParameter("failed", CaseFileState.ARCHIVE_FAILED)
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * The case file, its row locked until the transaction ends, so that two jobs archiving the same
   * case file record it one after the other (the second sees it archived).
   */
  public Optional<CaseFile> lockCaseFile(long penneoId) {
    return em
        .createQuery("select c from CaseFile c where c.penneoId = :id", CaseFile.class)
        .setParameter("id", penneoId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList()
        .stream()
        .findFirst();
  }

  public List<ArchivedDocument> documents(long caseFilePenneoId) {
    return em.createQuery(
            "select d from ArchivedDocument d where d.caseFilePenneoId = :id"
                + " order by d.penneoDocumentId",
            ArchivedDocument.class)
        .setParameter("id", caseFilePenneoId)
        .getResultList();
  }

  public boolean documentArchived(long penneoDocumentId) {
    return !em.createQuery(
            "select d.id from ArchivedDocument d where d.penneoDocumentId = :id", Long.class)
        .setParameter("id", penneoDocumentId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  public void add(ArchivedDocument document) {
    em.persist(document);
  }

  public Optional<ArchiveFailure> failure(long caseFilePenneoId) {
    return em
        .createQuery(
            "select f from ArchiveFailure f where f.caseFilePenneoId = :id", ArchiveFailure.class)
        .setParameter("id", caseFilePenneoId)
        .getResultList()
        .stream()
        .findFirst();
  }

  public void add(ArchiveFailure failure) {
    em.persist(failure);
  }

  public void remove(ArchiveFailure failure) {
    em.remove(failure);
  }
}
