package org.penneoarchive.interfaces.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.penneoarchive.application.casefile.Page;
import org.penneoarchive.application.intake.DeadLetterService;
import org.penneoarchive.application.intake.DeadLetterView;

/** Admin: notifications that failed processing, with the error; replay or discard each. */
@Named
@ViewScoped
public class DeadLettersBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int SIZE = 25;

  @Inject transient DeadLetterService deadLetters;

  private String state = "DEAD";
  private int page;
  private transient Page<DeadLetterView> result;

  public void load() {
    result = deadLetters.list(state, Math.max(0, page), SIZE);
  }

  public String replay(long id) {
    return Actions.run(
        "dead-letters",
        () -> {
          deadLetters.replay(id, ConsoleAccess.user());
          Feedback.info("deadLetters.replayed", id);
        });
  }

  public String discard(long id) {
    return Actions.run(
        "dead-letters",
        () -> {
          deadLetters.discard(id, ConsoleAccess.user());
          Feedback.info("deadLetters.discarded", id);
        });
  }

  public Page<DeadLetterView> getResult() {
    return result != null ? result : new Page<>(List.of(), 0, SIZE, 0);
  }

  public long getPageCount() {
    return Math.max(1, (getResult().total() + SIZE - 1) / SIZE);
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state == null || state.isBlank() ? "DEAD" : state;
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = page;
  }
}
