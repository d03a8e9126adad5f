package org.penneoarchive.interfaces.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.penneoarchive.application.audit.AuditEntryView;
import org.penneoarchive.application.audit.AuditLog;
import org.penneoarchive.application.casefile.Page;

/** The audit log, newest first, filtered by person or by words in the action or target. */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int SIZE = 50;

  @Inject transient AuditLog audit;

  private String actor;
  private String text;
  private int page;
  private transient Page<AuditEntryView> result;

  public void load() {
    result = audit.search(actor, text, Math.max(0, page), SIZE);
  }

  public Page<AuditEntryView> getResult() {
    return result != null ? result : new Page<>(java.util.List.of(), 0, SIZE, 0);
  }

  public long getPageCount() {
    return Math.max(1, (getResult().total() + SIZE - 1) / SIZE);
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = page;
  }
}
