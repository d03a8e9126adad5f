package org.penneoarchive.interfaces.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.penneoarchive.application.casefile.CaseFileQueryService;
import org.penneoarchive.application.casefile.CaseFileSummary;
import org.penneoarchive.application.casefile.Page;

/** The case-file list of the console: filter by state and text, paged on the server. */
@Named
@ViewScoped
public class CaseFilesBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int SIZE = 25;

  @Inject transient CaseFileQueryService caseFiles;

  private String state;
  private String q;
  private int page;
  private transient Page<CaseFileSummary> result;

  public Page<CaseFileSummary> getResult() {
    if (result == null) {
      result = caseFiles.search(state, q, page, SIZE);
    }
    return result;
  }

  public void search() {
    page = 0;
    result = null;
  }

  public void next() {
    if ((long) (page + 1) * SIZE < getResult().total()) {
      page++;
      result = null;
    }
  }

  public void previous() {
    if (page > 0) {
      page--;
      result = null;
    }
  }

  public int getPageNumber() {
    return page + 1;
  }

  public long getPageCount() {
    return Math.max(1, (getResult().total() + SIZE - 1) / SIZE);
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state == null || state.isBlank() ? null : state;
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q;
  }
}
