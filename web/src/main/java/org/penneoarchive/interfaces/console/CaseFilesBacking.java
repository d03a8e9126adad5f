package org.penneoarchive.interfaces.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.penneoarchive.application.casefile.CaseFileSummary;
import org.penneoarchive.application.casefile.Page;
import org.penneoarchive.application.dashboard.CaseFileCriteria;
import org.penneoarchive.application.dashboard.CaseFileSearchService;
import org.penneoarchive.application.subscription.InvalidRequestException;

/**
 * The case-file list: a GET form (searching changes nothing, so the result is a link one can keep
 * or share), sortable columns and pages read from the database one at a time.
 */
@Named
@ViewScoped
public class CaseFilesBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int SIZE = 25;

  @Inject transient CaseFileSearchService search;
  @Inject ConsoleFormats fmt;

  private final CaseFileQuery query = new CaseFileQuery();
  private transient Page<CaseFileSummary> result;

  /** The f:viewAction: runs the search the URL describes. */
  public void load() {
    try {
      result = search.search(query.criteria(fmt.getZone(), SIZE));
    } catch (InvalidRequestException | IllegalArgumentException e) {
      Feedback.error("casefiles.invalid", e.getMessage());
      result = new Page<>(java.util.List.of(), 0, SIZE, 0);
    }
  }

  public CaseFileQuery getQuery() {
    return query;
  }

  /** The page found; empty when the URL was not understood (the message says why). */
  public Page<CaseFileSummary> getResult() {
    return result != null ? result : new Page<>(java.util.List.of(), 0, SIZE, 0);
  }

  public long getPageCount() {
    return Math.max(1, (getResult().total() + SIZE - 1) / SIZE);
  }

  public String sortUrl(String column) {
    return query.sortedBy(CaseFileCriteria.Sort.valueOf(column)).url();
  }

  public String pageUrl(int page) {
    return query.atPage(page).url();
  }

  public String ariaSort(String column) {
    return query.ariaSort(CaseFileCriteria.Sort.valueOf(column));
  }
}
