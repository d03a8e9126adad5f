package org.penneoarchive.interfaces.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.penneoarchive.application.casefile.Page;
import org.penneoarchive.application.tasks.StaffTaskService;
import org.penneoarchive.application.tasks.StaffTaskView;

/**
 * Staff tasks: what needs a person (rejected, expired or failed case files, undeliverable signers).
 * Assign to me, comment, resolve; the service records who and when, in the task and the audit log.
 */
@Named
@ViewScoped
public class TasksBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int SIZE = 25;

  @Inject transient StaffTaskService tasks;

  private String state = "OPEN";
  private int page;
  private final Map<Long, String> comments = new HashMap<>();
  private transient Page<StaffTaskView> result;

  public void load() {
    var list = tasks.list(state, Math.max(0, page), SIZE);
    // The list carries no comments; each task on the page is read with its comments.
    result =
        new Page<>(
            list.items().stream().map(t -> tasks.get(t.id())).toList(),
            list.page(),
            list.size(),
            list.total());
  }

  public String assignToMe(long id) {
    return Actions.runAsStaff(
        "tasks",
        () -> Feedback.info("tasks.assigned", tasks.assign(id, ConsoleAccess.user()).id()));
  }

  public String comment(long id) {
    return Actions.runAsStaff(
        "tasks",
        () -> {
          tasks.comment(id, ConsoleAccess.user(), comments.get(id));
          Feedback.info("tasks.commented", id);
        });
  }

  public String resolve(long id) {
    return Actions.runAsStaff(
        "tasks",
        () -> Feedback.info("tasks.resolved", tasks.resolve(id, ConsoleAccess.user()).id()));
  }

  public Page<StaffTaskView> getResult() {
    return result != null ? result : new Page<>(List.of(), 0, SIZE, 0);
  }

  public long getPageCount() {
    return Math.max(1, (getResult().total() + SIZE - 1) / SIZE);
  }

  /** The comment typed for each task on the page (one form per task). */
  public Map<Long, String> getComments() {
    return comments;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state == null || state.isBlank() ? "OPEN" : state;
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = page;
  }
}
