package org.penneoarchive.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.penneoarchive.domain.casefile.CaseFileState;
import org.penneoarchive.model.CaseFile;
import org.penneoarchive.model.CaseFileEvent;
import org.penneoarchive.model.Delivery;
import org.penneoarchive.model.Signer;

/**
 * Case files, their timeline, signers and deliveries.
 *
 * <p>Lookups read their (at most one) row as a list, not with {@code getResultStream}: that is a
 * JDBC cursor, read through Hibernate's scrolling machinery and left open until the transaction
 * ends when the stream is not closed.
 */
@ApplicationScoped
public class CaseFileRepository {

  @PersistenceContext EntityManager em;

  public Optional<CaseFile> byPenneoId(long penneoId) {
    return em
        .createQuery("select c from CaseFile c where c.penneoId = :id", CaseFile.class)
        .setParameter("id", penneoId)
        .getResultList()
        .stream()
        .findFirst();
  }

  /** The case files among {@code penneoIds} that exist, by Penneo id (one query). */
  public Map<Long, CaseFile> byPenneoIds(Collection<Long> penneoIds) {
    if (penneoIds.isEmpty()) {
      return Map.of();
    }
    return em
        .createQuery("select c from CaseFile c where c.penneoId in :ids", CaseFile.class)
        .setParameter("ids", penneoIds)
        .getResultList()
        .stream()
        .collect(Collectors.toMap(CaseFile::getPenneoId, c -> c));
  }

  /** The case file, created (state ACTIVE, waiting for enrichment) when first heard of. */
  public CaseFile getOrCreate(long penneoId, Instant now) {
    return byPenneoId(penneoId)
        .orElseGet(
            () -> {
              CaseFile c = new CaseFile(penneoId, now);
              em.persist(c);
              return c;
            });
  }

  public Optional<CaseFileEvent> eventByKey(String key) {
    return em
        .createQuery("select e from CaseFileEvent e where e.eventKey = :k", CaseFileEvent.class)
        .setParameter("k", key)
        .getResultList()
        .stream()
        .findFirst();
  }

  /**
   * Adds the event to the transaction's inserts. A concurrent duplicate fails at the caller's flush
   * ({@code NotificationProcessingService.process} flushes before it returns), in one round of
   * inserts with the case file and the delivery.
   */
  public void addEvent(CaseFileEvent e) {
    em.persist(e);
  }

  public List<CaseFileEvent> events(long caseFilePenneoId) {
    return em.createQuery(
            "select e from CaseFileEvent e where e.caseFilePenneoId = :id"
                + " order by e.eventTime, e.id",
            CaseFileEvent.class)
        .setParameter("id", caseFilePenneoId)
        .getResultList();
  }

  public List<CaseFileEvent> signerEvents(long signerPenneoId) {
    return em.createQuery(
            "select e from CaseFileEvent e where e.signerPenneoId = :id order by e.eventTime, e.id",
            CaseFileEvent.class)
        .setParameter("id", signerPenneoId)
        .getResultList();
  }

  public Optional<Signer> signer(long penneoId) {
    return em
        .createQuery("select s from Signer s where s.penneoId = :id", Signer.class)
        .setParameter("id", penneoId)
        .getResultList()
        .stream()
        .findFirst();
  }

  public Signer getOrCreateSigner(long penneoId, Long caseFilePenneoId, Instant now) {
    Signer s =
        signer(penneoId)
            .orElseGet(
                () -> {
                  Signer n = new Signer(penneoId, caseFilePenneoId, now);
                  em.persist(n);
                  return n;
                });
    if (caseFilePenneoId != null && s.getCaseFilePenneoId() == null) {
      s.belongsTo(caseFilePenneoId);
    }
    return s;
  }

  public List<Signer> signers(long caseFilePenneoId) {
    return em.createQuery(
            "select s from Signer s where s.caseFilePenneoId = :id order by s.penneoId",
            Signer.class)
        .setParameter("id", caseFilePenneoId)
        .getResultList();
  }

  /** Case files whose check at Penneo is due, oldest first. */
  public List<CaseFile> dueForCheck(Instant now, int max) {
    return em.createQuery(
            "select c from CaseFile c where c.nextCheckAt <= :now order by c.nextCheckAt",
            CaseFile.class)
        .setParameter("now", now)
        .setMaxResults(max)
        .getResultList();
  }

  /** Signers whose case file is still unknown and due to be asked for. */
  public List<Signer> signersDueForLookup(Instant now, int max) {
    return em.createQuery(
            "select s from Signer s where s.caseFilePenneoId is null and s.nextCheckAt <= :now"
                + " order by s.nextCheckAt",
            Signer.class)
        .setParameter("now", now)
        .setMaxResults(max)
        .getResultList();
  }

  /** Signer events recorded before the signer's case file was known. */
  public List<CaseFileEvent> unattachedSignerEvents(long signerPenneoId) {
    return em.createQuery(
            "select e from CaseFileEvent e where e.signerPenneoId = :id"
                + " and e.caseFilePenneoId is null",
            CaseFileEvent.class)
        .setParameter("id", signerPenneoId)
        .getResultList();
  }

  public boolean deliveryExists(String intakeId) {
    return !em.createQuery("select d.id from Delivery d where d.messageId = :m", Long.class)
        .setParameter("m", intakeId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  public void addDelivery(Delivery d) {
    em.persist(d);
  }

  /** Writes the pending changes of the transaction now. */
  public void flush() {
    em.flush();
  }

  /** A page of case files, newest activity first; {@code q} matches id, title or signer name. */
  public List<CaseFile> search(CaseFileState state, String q, int page, int size) {
    TypedQuery<CaseFile> query =
        em.createQuery(
            "select c from CaseFile c"
                + where(state, q)
                + " order by c.lastActivityAt desc, c.id desc",
            CaseFile.class);
    bind(query, state, q);
    return query.setFirstResult(page * size).setMaxResults(size).getResultList();
  }

  public long count(CaseFileState state, String q) {
    TypedQuery<Long> query =
        em.createQuery("select count(c) from CaseFile c" + where(state, q), Long.class);
    bind(query, state, q);
    return query.getSingleResult();
  }

  private static String where(CaseFileState state, String q) {
    StringBuilder w = new StringBuilder(" where 1 = 1");
    if (state != null) {
      w.append(" and c.state = :state");
    }
    if (q != null) {
      w.append(
          " and (cast(c.penneoId as string) = :exact or lower(c.title) like :like"
              + " or exists (select s.id from Signer s where s.caseFilePenneoId = c.penneoId"
              + " and lower(s.name) like :like))");
    }
    return w.toString();
  }

  private static void bind(TypedQuery<?> query, CaseFileState state, String q) {
    if (state != null) {
      query.setParameter("state", state);
    }
    if (q != null) {
      String escaped = q.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "");
      query.setParameter("exact", q.trim());
      query.setParameter("like", "%" + escaped.trim() + "%");
    }
  }
}
