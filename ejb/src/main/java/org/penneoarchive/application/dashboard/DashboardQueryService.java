package org.penneoarchive.application.dashboard;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.penneoarchive.domain.casefile.CaseFileState;

/**
 * The figures of the console's dashboard. Every figure is a count the database answers from an
 * index; the chart's days are counted one range query per day in the viewer's time zone, so that a
 * day means the same to the chart as to the person reading it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
@RolesAllowed({"records-staff", "records-admin"})
public class DashboardQueryService {

  public static final int MAX_DAYS = 92;

  @PersistenceContext EntityManager em;

  private final Clock clock = Clock.systemUTC();

  /** Case files per state, every state present (zero when none). */
  public Map<CaseFileState, Long> caseFilesByState() {
    Map<CaseFileState, Long> counts = new EnumMap<>(CaseFileState.class);
    for (CaseFileState s : CaseFileState.values()) {
      counts.put(s, 0L);
    }
    for (Object[] row :
        em.createQuery("select c.state, count(c) from CaseFile c group by c.state", Object[].class)
            .getResultList()) {
      counts.put((CaseFileState) row[0], (Long) row[1]);
    }
    return counts;
  }

  /** Refused webhook calls in all, and in the last 24 hours. */
  public RejectedCounts rejectedDeliveries() {
    long all =
        em.createQuery("select count(r) from RejectedDelivery r", Long.class).getSingleResult();
    long recent =
        em.createQuery(
                "select count(r) from RejectedDelivery r where r.receivedAt >= :since", Long.class)
            .setParameter("since", clock.instant().minus(24, ChronoUnit.HOURS))
            .getSingleResult();
    return new RejectedCounts(all, recent);
  }

  public record RejectedCounts(long all, long last24Hours) {}

  /** Accepted webhook calls per day, for the last {@code days} days up to today in {@code zone}. */
  public List<DayCount> notificationsPerDay(int days, ZoneId zone) {
    return perDay(
        days,
        zone,
        "select count(d) from Delivery d where d.receivedAt >= :from and d.receivedAt < :to");
  }

  /** Distinct timeline events per day (repeats counted once), same days as above. */
  public List<DayCount> eventsPerDay(int days, ZoneId zone) {
    return perDay(
        days,
        zone,
        "select count(e) from CaseFileEvent e"
            + " where e.firstReceivedAt >= :from and e.firstReceivedAt < :to");
  }

  /** Documents archived per day (one per PDF in a bag), same days as above. */
  public List<DayCount> archivedPerDay(int days, ZoneId zone) {
    return perDay(
        days,
        zone,
        "select count(a) from ArchivedDocument a"
            + " where a.archivedAt >= :from and a.archivedAt < :to");
  }

  private List<DayCount> perDay(int days, ZoneId zone, String jpql) {
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS);
    }
    LocalDate today = LocalDate.now(clock.withZone(zone));
    List<DayCount> out = new ArrayList<>(days);
    for (LocalDate day = today.minusDays(days - 1L); !day.isAfter(today); day = day.plusDays(1)) {
      Instant from = day.atStartOfDay(zone).toInstant();
      Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
      long n =
          em.createQuery(jpql, Long.class)
              .setParameter("from", from)
              .setParameter("to", to)
              .getSingleResult();
      out.add(new DayCount(day, n));
    }
    return out;
  }
}
