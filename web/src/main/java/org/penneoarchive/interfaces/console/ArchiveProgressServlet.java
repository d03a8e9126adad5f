package org.penneoarchive.interfaces.console;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.penneoarchive.application.archive.ArchiveJobs;
import org.penneoarchive.application.archive.ArchiveRunView;
import org.penneoarchive.domain.Jsonp;

/**
 * The running archive jobs as JSON, polled by console.js to move the dashboard's progress bar. A
 * small same-origin resource instead of a meta refresh (which would reload the whole page and lose
 * the reader's place) or inline script (which the CSP forbids). Under {@code /console/*}, so only
 * signed-in staff and admins read it.
 */
@WebServlet("/console/archive-progress")
public class ArchiveProgressServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient ArchiveJobs jobs;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    JsonArrayBuilder running = Jsonp.createArrayBuilder();
    for (ArchiveRunView r : DashboardBacking.running(jobs.runs(0, 20).items())) {
      running.add(
          Jsonp.createObjectBuilder()
              .add("executionId", r.executionId())
              .add("kind", r.kind())
              .add("caseFiles", r.caseFiles())
              .add("read", r.read())
              .add("written", r.written())
              .add("skipped", r.skipped()));
    }
    res.setContentType("application/json");
    res.setCharacterEncoding("UTF-8");
    res.setHeader("Cache-Control", "no-store");
    res.getWriter().write(Jsonp.createObjectBuilder().add("running", running).build().toString());
  }
}
