package org.penneoarchive.interfaces.console;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.penneoarchive.application.dashboard.CaseFileCriteria;
import org.penneoarchive.application.dashboard.CaseFileCriteria.Sort;
import org.penneoarchive.application.subscription.InvalidRequestException;
import org.penneoarchive.domain.casefile.CaseFileState;

/**
 * The case-file search as its URL says it (view parameters, all text), turned into criteria. Dates
 * are whole days in the viewer's time zone: "to" includes its day.
 */
public class CaseFileQuery implements Serializable {

  private static final long serialVersionUID = 1L;

  private String id;
  private String title;
  private String signer;
  private String state;
  private String from;
  private String to;
  private String sort;
  private String dir;
  private int page;

  CaseFileCriteria criteria(ZoneId zone, int size) {
    Long penneoId = null;
    if (blank(id) == null) {
      penneoId = null;
    } else {
      try {
        penneoId = Long.valueOf(id.strip());
      } catch (NumberFormatException e) {
        throw new InvalidRequestException("the Penneo id is a number: " + id);
      }
    }
    CaseFileState s = null;
    if (blank(state) != null) {
      try {
        s = CaseFileState.valueOf(state.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException("unknown state " + state);
      }
    }
    LocalDate fromDay = day(from);
    LocalDate toDay = day(to);
    return new CaseFileCriteria(
        penneoId,
        title,
        signer,
        s,
        fromDay == null ? null : fromDay.atStartOfDay(zone).toInstant(),
        toDay == null ? null : toDay.plusDays(1).atStartOfDay(zone).toInstant(),
        sortColumn(),
        "asc".equals(dir),
        Math.max(0, page),
        size);
  }

  private static LocalDate day(String s) {
    if (blank(s) == null) {
      return null;
    }
    try {
      return LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException("a date is written yyyy-mm-dd: " + s);
    }
  }

  private Sort sortColumn() {
    if (blank(sort) == null) {
      return Sort.LAST_ACTIVITY;
    }
    try {
      return Sort.valueOf(sort);
    } catch (IllegalArgumentException e) {
      return Sort.LAST_ACTIVITY;
    }
  }

  /** The same search sorted by {@code column}: ascending first, a second click turns it. */
  CaseFileQuery sortedBy(Sort column) {
    CaseFileQuery q = copy();
    boolean same = sortColumn() == column;
    q.sort = column.name();
    q.dir = same && "asc".equals(dir) ? "desc" : same ? "asc" : defaultDir(column);
    q.page = 0;
    return q;
  }

  private static String defaultDir(Sort column) {
    return column == Sort.LAST_ACTIVITY || column == Sort.CREATED ? "desc" : "asc";
  }

  CaseFileQuery atPage(int p) {
    CaseFileQuery q = copy();
    q.page = Math.max(0, p);
    return q;
  }

  String ariaSort(Sort column) {
    if (sortColumn() != column) {
      return "none";
    }
    return "asc".equals(dir) ? "ascending" : "descending";
  }

  /** {@code casefiles.xhtml?...} with only the parameters that are set. */
  String url() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("id", blank(id));
    p.put("title", blank(title));
    p.put("signer", blank(signer));
    p.put("state", blank(state));
    p.put("from", blank(from));
    p.put("to", blank(to));
    p.put("sort", blank(sort));
    p.put("dir", blank(dir));
    p.put("page", page == 0 ? null : String.valueOf(page));
    StringBuilder url = new StringBuilder("casefiles.xhtml");
    char sep = '?';
    for (var e : p.entrySet()) {
      if (e.getValue() != null) {
        url.append(sep)
            .append(e.getKey())
            .append('=')
            .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        sep = '&';
      }
    }
    return url.toString();
  }

  private CaseFileQuery copy() {
    CaseFileQuery q = new CaseFileQuery();
    q.id = id;
    q.title = title;
    q.signer = signer;
    q.state = state;
    q.from = from;
    q.to = to;
    q.sort = sort;
    q.dir = dir;
    q.page = page;
    return q;
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getSigner() {
    return signer;
  }

  public void setSigner(String signer) {
    this.signer = signer;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public String getSort() {
    return sort;
  }

  public void setSort(String sort) {
    this.sort = sort;
  }

  public String getDir() {
    return dir;
  }

  public void setDir(String dir) {
    this.dir = dir;
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = page;
  }
}
