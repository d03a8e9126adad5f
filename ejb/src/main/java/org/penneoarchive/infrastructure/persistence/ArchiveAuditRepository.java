package org.penneoarchive.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.penneoarchive.model.FixityAudit;
import org.penneoarchive.model.FixityFinding;

/** Fixity audits of the archive and their findings. */
@ApplicationScoped
public class ArchiveAuditRepository {

  @PersistenceContext EntityManager em;

  public Optional<FixityAudit> byExecution(long jobExecutionId) {
    return em
        .createQuery("select a from FixityAudit a where a.jobExecutionId = :id", FixityAudit.class)
        .setParameter("id", jobExecutionId)
        .getResultList()
        .stream()
        .findFirst();
  }

  public void add(FixityAudit audit) {
    em.persist(audit);
    em.flush();
  }

  public void add(FixityFinding finding) {
    em.persist(finding);
  }

  /** Newest first. */
  public List<FixityAudit> page(int page, int size) {
    return em.createQuery(
            "select a from FixityAudit a order by a.startedAt desc, a.id desc", FixityAudit.class)
        .setFirstResult(page * size)
        .setMaxResults(size)
        .getResultList();
  }

  public long count() {
    return em.createQuery("select count(a) from FixityAudit a", Long.class).getSingleResult();
  }

  public List<FixityFinding> findings(long auditId, int max) {
    return em.createQuery(
            "select f from FixityFinding f where f.auditId = :id order by f.bagPath, f.id",
            FixityFinding.class)
        .setParameter("id", auditId)
        .setMaxResults(max)
        .getResultList();
  }
}
