package org.penneoarchive.application.tasks;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import org.penneoarchive.application.StaffActions;
import org.penneoarchive.application.casefile.Page;
import org.penneoarchive.application.subscription.InvalidRequestException;
import org.penneoarchive.application.subscription.NotFoundException;
import org.penneoarchive.model.StaffTask;
import org.penneoarchive.model.TaskComment;

/**
 * Staff tasks: opened by intake and archival for what needs a person (a rejected, expired or failed
 * case file, an undeliverable signer, a failed archive), worked on in the console.
 */
@Stateless
public class StaffTaskService {

  private static final Logger LOG = Logger.getLogger(StaffTaskService.class.getName());

  @PersistenceContext EntityManager em;
  @Inject StaffActions actions;

  private final Clock clock = Clock.systemUTC();

  /** Opens a task unless one of this kind for this case file and signer exists already. */
  public void openIfAbsent(
      StaffTask.Kind kind, Long caseFilePenneoId, Long signerPenneoId, String summary) {
    String key = StaffTask.key(kind, caseFilePenneoId, signerPenneoId);
    boolean exists =
        !em.createQuery("select t.id from StaffTask t where t.taskKey = :k", Long.class)
            .setParameter("k", key)
            .setMaxResults(1)
            .getResultList()
            .isEmpty();
    if (!exists) {
      em.persist(new StaffTask(kind, caseFilePenneoId, signerPenneoId, summary, clock.instant()));
      LOG.info(
          () -> "Opened a " + kind + " task for case file " + caseFilePenneoId + ": " + summary);
    }
  }

  public Page<StaffTaskView> list(String state, int page, int size) {
    if (page < 0 || size < 1 || size > 200) {
      throw new InvalidRequestException("page must be ≥ 0 and size between 1 and 200");
    }
    StaffTask.State s = parseState(state);
    String where = s == null ? "" : " where t.state = :s";
    var q =
        em.createQuery(
            "select t from StaffTask t" + where + " order by t.createdAt desc", StaffTask.class);
    var c = em.createQuery("select count(t) from StaffTask t" + where, Long.class);
    if (s != null) {
      q.setParameter("s", s);
      c.setParameter("s", s);
    }
    var items =
        q.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
            .map(t -> view(t, List.of()))
            .toList();
    return new Page<>(items, page, size, c.getSingleResult());
  }

  public List<StaffTaskView> forCaseFile(long penneoId) {
    return em
        .createQuery(
            "select t from StaffTask t where t.caseFilePenneoId = :id order by t.createdAt",
            StaffTask.class)
        .setParameter("id", penneoId)
        .getResultList()
        .stream()
        .map(t -> view(t, comments(t.getId())))
        .toList();
  }

  public StaffTaskView get(long id) {
    StaffTask t = find(id);
    return view(t, comments(id));
  }

  public StaffTaskView assign(long id, String user) {
    StaffTask t = find(id);
    t.assign(user, clock.instant());
    actions.record(user, "assign task", "task " + id, "assigned to " + user);
    return view(t, comments(id));
  }

  public StaffTaskView comment(long id, String user, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidRequestException("a comment needs some text");
    }
    if (text.length() > TaskComment.MAX_CHARS) {
      throw new InvalidRequestException(
          "a comment is at most " + TaskComment.MAX_CHARS + " characters");
    }
    StaffTask t = find(id);
    em.persist(new TaskComment(id, user, clock.instant(), text.strip()));
    t.touched(clock.instant());
    actions.record(user, "comment on task", "task " + id, text.strip());
    return view(t, comments(id));
  }

  public StaffTaskView resolve(long id, String user) {
    StaffTask t = find(id);
    if (t.getState() == StaffTask.State.RESOLVED) {
      throw new InvalidRequestException("task " + id + " is already resolved");
    }
    t.resolve(user, clock.instant());
    actions.record(user, "resolve task", "task " + id, t.getSummary());
    return view(t, comments(id));
  }

  public long countOpen() {
    return em.createQuery("select count(t) from StaffTask t where t.state = :s", Long.class)
        .setParameter("s", StaffTask.State.OPEN)
        .getSingleResult();
  }

  private StaffTask find(long id) {
    StaffTask t = em.find(StaffTask.class, id);
    if (t == null) {
      throw new NotFoundException("no task with id " + id);
    }
    return t;
  }

  private List<StaffTaskView.Comment> comments(long taskId) {
    return em
        .createQuery(
            "select c from TaskComment c where c.taskId = :id order by c.writtenAt",
            TaskComment.class)
        .setParameter("id", taskId)
        .getResultList()
        .stream()
        .map(c -> new StaffTaskView.Comment(c.getAuthor(), c.getWrittenAt(), c.getBody()))
        .toList();
  }

  private static StaffTaskView view(StaffTask t, List<StaffTaskView.Comment> comments) {
    return new StaffTaskView(
        t.getId(),
        t.getKind().name(),
        t.getState().name(),
        t.getCaseFilePenneoId(),
        t.getSignerPenneoId(),
        t.getSummary(),
        t.getAssignee(),
        t.getCreatedAt(),
        t.getUpdatedAt(),
        t.getResolvedAt(),
        t.getResolvedBy(),
        comments);
  }

  private static StaffTask.State parseState(String state) {
    if (state == null || state.isBlank()) {
      return null;
    }
    try {
      return StaffTask.State.valueOf(state.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("state must be OPEN or RESOLVED");
    }
  }
}
