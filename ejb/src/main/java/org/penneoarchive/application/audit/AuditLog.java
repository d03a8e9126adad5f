package org.penneoarchive.application.audit;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.util.Locale;
import java.util.logging.Logger;
import org.penneoarchive.application.casefile.Page;
import org.penneoarchive.application.subscription.InvalidRequestException;
import org.penneoarchive.model.AuditEntry;

/**
 * The audit log: every staff and admin action, whoever carries it out (console, API, a timer on
 * someone's behalf). {@link #record} joins the caller's transaction, so an entry exists exactly
 * when the action it describes was committed; callers that want a refused attempt on record call it
 * after catching the refusal.
 */
@Stateless
public class AuditLog {

  private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());
  public static final int MAX_PAGE_SIZE = 200;

  @PersistenceContext EntityManager em;

  private final Clock clock = Clock.systemUTC();

  /**
   * @param actor the user name (or {@code system} for the product's own timers)
   * @param action a stable verb-like key, e.g. {@code task.resolve}, {@code subscription.create}
   * @param target what was acted on, e.g. {@code casefile:4711}, {@code subscription:3}
   * @param detail free text for people (a comment, a reason); may be null
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  @PermitAll // timers and message consumers record too, with no caller role
  public void record(String actor, String action, String target, String detail) {
    if (actor == null || actor.isBlank() || action == null || action.isBlank()) {
      throw new IllegalArgumentException("an audit entry needs an actor and an action");
    }
    em.persist(new AuditEntry(clock.instant(), actor, action, target, detail));
    LOG.info(() -> "Audit: " + actor + " " + action + (target == null ? "" : " " + target));
  }

  /** Newest first; each filter is optional ({@code actor} exact, {@code text} in action/target). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  @RolesAllowed({"records-staff", "records-admin"})
  public Page<AuditEntryView> search(String actor, String text, int page, int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidRequestException("page must be ≥ 0 and size between 1 and " + MAX_PAGE_SIZE);
    }
    String a = actor == null || actor.isBlank() ? null : actor.strip();
    String t =
        text == null || text.isBlank()
            ? null
            : "%" + text.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
    String where =
        " where 1 = 1"
            + (a != null ? " and e.actor = :actor" : "")
            + (t != null ? " and (lower(e.action) like :text or lower(e.target) like :text)" : "");
    TypedQuery<AuditEntry> q =
        em.createQuery(
            "select e from AuditEntry e" + where + " order by e.id desc", AuditEntry.class);
    TypedQuery<Long> count =
        em.createQuery("select count(e) from AuditEntry e" + where, Long.class);
    if (a != null) {
      q.setParameter("actor", a);
      count.setParameter("actor", a);
    }
    if (t != null) {
      q.setParameter("text", t);
      count.setParameter("text", t);
    }
    var items =
        q.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
            .map(
                e ->
                    new AuditEntryView(
                        e.getId(),
                        e.getAt(),
                        e.getActor(),
                        e.getAction(),
                        e.getTarget(),
                        e.getDetail()))
            .toList();
    return new Page<>(items, page, size, count.getSingleResult());
  }
}
