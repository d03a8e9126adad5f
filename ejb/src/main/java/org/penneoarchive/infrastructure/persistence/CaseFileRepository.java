package org.penneoarchive.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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
 *
 * <p>A transaction that processes a group of notifications first reads the rows its lookups will
 * ask for in one query per table ({@link #prefetch}); its lookups by those keys are then answered
 * from what was read and what it added since, without a statement each and without flushing the
 * inserts pending before them, so that the group's inserts reach the database in one batch per
 * table at its flush.
 */
@ApplicationScoped
public class CaseFileRepository {

  /** Keys in one lookup statement: a group's notifications and a check batch fit in one. */
  private static final int KEYS_PER_STATEMENT = 64;

  /**
   * Below every time the product sets as a next check (all are its own clock's). H2 keeps the index
   * entries of the rows without a next check (NULL) before all others and walks through them for a
   * bound {@code <=} alone: with 200,000 case files checked, 12.6 ms instead of 29 µs a lookup.
   */
  private static final Instant NO_CHECK_BEFORE = Instant.EPOCH;

  @PersistenceContext EntityManager em;
  @Resource TransactionSynchronizationRegistry transaction;

  /**
   * Reads, in one query per table, the deliveries, timeline events, case files and signers with
   * these keys; until the transaction ends, the lookups by these keys are answered from them.
   */
  public void prefetch(
      Set<String> intakeIds, Set<String> eventKeys, Set<Long> caseFileIds, Set<Long> signerIds) {
    PrefetchedRows rows = new PrefetchedRows();
    intakeIds.forEach(id -> rows.deliveries.put(id, false));
    listIn("select d.messageId from Delivery d where d.messageId in ", String.class, intakeIds)
        .forEach(id -> rows.deliveries.put(id, true));
    eventKeys.forEach(k -> rows.events.put(k, Optional.empty()));
    listIn("select e from CaseFileEvent e where e.eventKey in ", CaseFileEvent.class, eventKeys)
        .forEach(e -> rows.events.put(e.getEventKey(), Optional.of(e)));
    caseFileIds.forEach(id -> rows.caseFiles.put(id, Optional.empty()));
    byPenneoIds(caseFileIds).forEach((id, c) -> rows.caseFiles.put(id, Optional.of(c)));
    signerIds.forEach(id -> rows.signers.put(id, Optional.empty()));
    listIn("select s from Signer s where s.penneoId in ", Signer.class, signerIds)
        .forEach(s -> rows.signers.put(s.getPenneoId(), Optional.of(s)));
    transaction.putResource(PrefetchedRows.class, rows);
  }

  /**
   * The results of {@code select} (ending in {@code in }) for {@code keys}, at most {@value
   * #KEYS_PER_STATEMENT} keys a statement. Hibernate translates a query with a list parameter anew
   * at each execution (its plan is not cached); one parameter per key, their number padded to a
   * power of two with the last key repeated, gives a few query texts whose plans are.
   */
  private <R> List<R> listIn(String select, Class<R> type, Collection<?> keys) {
    List<?> all = List.copyOf(keys);
    List<R> results = new ArrayList<>();
    for (int from = 0; from < all.size(); from += KEYS_PER_STATEMENT) {
      List<?> chunk = all.subList(from, Math.min(all.size(), from + KEYS_PER_STATEMENT));
      int n = chunk.size() == 1 ? 1 : Integer.highestOneBit(chunk.size() - 1) << 1;
      StringBuilder q = new StringBuilder(select).append('(');
      for (int i = 0; i < n; i++) {
        q.append(i == 0 ? ":k0" : ", :k" + i);
      }
      TypedQuery<R> query = em.createQuery(q.append(')').toString(), type);
      for (int i = 0; i < n; i++) {
        query.setParameter("k" + i, chunk.get(Math.min(i, chunk.size() - 1)));
      }
      results.addAll(query.getResultList());
    }
    return results;
  }

  /** What this transaction read ahead, or {@code null} (none, or no transaction). */
  private PrefetchedRows prefetched() {
    return transaction.getTransactionKey() == null
        ? null
        : (PrefetchedRows) transaction.getResource(PrefetchedRows.class);
  }

  /**
   * What was read ahead for {@code key}, or {@code null} when it was not: then ask the database.
   */
  private <K, V> V known(Function<PrefetchedRows, Map<K, V>> table, K key) {
    PrefetchedRows rows = prefetched();
    return rows == null ? null : table.apply(rows).get(key);
  }

  /** Keeps what this transaction read ahead true after it added a row. */
  private <K, V> void added(Function<PrefetchedRows, Map<K, V>> table, K key, V value) {
    PrefetchedRows rows = prefetched();
    if (rows != null) {
      table.apply(rows).put(key, value);
    }
  }

  public Optional<CaseFile> byPenneoId(long penneoId) {
    Optional<CaseFile> known = known(r -> r.caseFiles, penneoId);
    if (known != null) {
      return known;
    }
    return em
        .createQuery("select c from CaseFile c where c.penneoId = :id", CaseFile.class)
        .setParameter("id", penneoId)
        .getResultList()
        .stream()
        .findFirst();
  }

  /** The case files among {@code penneoIds} that exist, by Penneo id (one query per 64). */
  public Map<Long, CaseFile> byPenneoIds(Collection<Long> penneoIds) {
    return listIn("select c from CaseFile c where c.penneoId in ", CaseFile.class, penneoIds)
        .stream()
        .collect(Collectors.toMap(CaseFile::getPenneoId, c -> c, (a, b) -> a));
  }

  /** The case file, created (state ACTIVE, waiting for enrichment) when first heard of. */
  public CaseFile getOrCreate(long penneoId, Instant now) {
    return byPenneoId(penneoId)
        .orElseGet(
            () -> {
              CaseFile c = new CaseFile(penneoId, now);
              em.persist(c);
              added(r -> r.caseFiles, penneoId, Optional.of(c));
              return c;
            });
  }

  public Optional<CaseFileEvent> eventByKey(String key) {
    Optional<CaseFileEvent> known = known(r -> r.events, key);
    if (known != null) {
      return known;
    }
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
    added(r -> r.events, e.getEventKey(), Optional.of(e));
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
    Optional<Signer> known = known(r -> r.signers, penneoId);
    if (known != null) {
      return known;
    }
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
                  added(r -> r.signers, penneoId, Optional.of(n));
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
            "select c from CaseFile c where c.nextCheckAt >= :since and c.nextCheckAt <= :now"
                + " order by c.nextCheckAt",
            CaseFile.class)
        .setParameter("since", NO_CHECK_BEFORE)
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
    Boolean known = known(r -> r.deliveries, intakeId);
    if (known != null) {
      return known;
    }
    return !em.createQuery("select d.id from Delivery d where d.messageId = :m", Long.class)
        .setParameter("m", intakeId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  public void addDelivery(Delivery d) {
    em.persist(d);
    added(r -> r.deliveries, d.getMessageId(), true);
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
