package org.penneoarchive.application.dashboard;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Locale;
import org.penneoarchive.application.casefile.CaseFileSummary;
import org.penneoarchive.application.casefile.Page;
import org.penneoarchive.model.CaseFile;

/**
 * The console's case-file search: several filters at once, any sortable column, one page read from
 * the database (never the whole list). Sorting ends with the id so that pages never overlap.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
@RolesAllowed({"records-staff", "records-admin"})
public class CaseFileSearchService {

  @PersistenceContext EntityManager em;

  public Page<CaseFileSummary> search(CaseFileCriteria c) {
    String where = where(c);
    String dir = c.ascending() ? " asc" : " desc";
    TypedQuery<CaseFile> q =
        em.createQuery(
            "select c from CaseFile c"
                + where
                + " order by "
                + c.sort().path
                + dir
                + ", c.id"
                + dir,
            CaseFile.class);
    TypedQuery<Long> count = em.createQuery("select count(c) from CaseFile c" + where, Long.class);
    bind(q, c);
    bind(count, c);
    var items =
        q.setFirstResult(c.page() * c.size()).setMaxResults(c.size()).getResultList().stream()
            .map(
                f ->
                    new CaseFileSummary(
                        f.getPenneoId(),
                        f.getTitle(),
                        f.getState().name(),
                        f.getPenneoStatus(),
                        f.getLastActivityAt()))
            .toList();
    return new Page<>(items, c.page(), c.size(), count.getSingleResult());
  }

  private static String where(CaseFileCriteria c) {
    StringBuilder w = new StringBuilder(" where 1 = 1");
    if (c.penneoId() != null) {
      w.append(" and c.penneoId = :penneoId");
    }
    if (c.state() != null) {
      w.append(" and c.state = :state");
    }
    if (c.title() != null) {
      w.append(" and lower(c.title) like :title escape '!'");
    }
    if (c.signer() != null) {
      // One pass over the signers, not one sub-select per case file.
      w.append(
          " and c.penneoId in (select s.caseFilePenneoId from Signer s"
              + " where lower(s.name) like :signer escape '!')");
    }
    if (c.activityFrom() != null) {
      w.append(" and c.lastActivityAt >= :from");
    }
    if (c.activityTo() != null) {
      w.append(" and c.lastActivityAt < :to");
    }
    return w.toString();
  }

  private static void bind(TypedQuery<?> q, CaseFileCriteria c) {
    if (c.penneoId() != null) {
      q.setParameter("penneoId", c.penneoId());
    }
    if (c.state() != null) {
      q.setParameter("state", c.state());
    }
    if (c.title() != null) {
      q.setParameter("title", contains(c.title()));
    }
    if (c.signer() != null) {
      q.setParameter("signer", contains(c.signer()));
    }
    if (c.activityFrom() != null) {
      q.setParameter("from", c.activityFrom());
    }
    if (c.activityTo() != null) {
      q.setParameter("to", c.activityTo());
    }
  }

  /** A LIKE pattern (escape character {@code !}) that matches the text literally, any case. */
  static String contains(String text) {
    String literal =
        text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
    return "%" + literal + "%";
  }
}
