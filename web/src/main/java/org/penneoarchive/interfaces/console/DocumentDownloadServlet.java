package org.penneoarchive.interfaces.console;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.penneoarchive.application.archive.ArchivedDocumentView;
import org.penneoarchive.application.audit.AuditLog;
import org.penneoarchive.application.casefile.CaseFileQueryService;
import org.penneoarchive.application.subscription.NotFoundException;

/**
 * Streams an archived PDF from its bag, exactly as archived (never held in memory whole). The file
 * is found from the case file's own record, never from a path in the request, so no one can read
 * outside the archive. Under {@code /console/*}: signed-in staff and admins; each download is in
 * the audit log.
 */
@WebServlet("/console/document")
public class DocumentDownloadServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient CaseFileQueryService caseFiles;
  @Inject transient AuditLog audit;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    long caseFile;
    long document;
    try {
      caseFile = Long.parseLong(req.getParameter("caseFile"));
      document = Long.parseLong(req.getParameter("document"));
    } catch (NumberFormatException | NullPointerException e) {
      res.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    ArchivedDocumentView doc;
    try {
      doc =
          caseFiles.get(caseFile).documents().stream()
              .filter(d -> d.penneoId() == document)
              .findFirst()
              .orElse(null);
    } catch (NotFoundException e) {
      doc = null;
    }
    Path file = doc == null || doc.path() == null ? null : Path.of(doc.path());
    if (file == null || !Files.isRegularFile(file)) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    audit.record(
        req.getUserPrincipal().getName(),
        "download document",
        "case file " + caseFile,
        "document " + document + " (" + file.getFileName() + ")");
    res.setContentType("application/pdf");
    res.setContentLengthLong(Files.size(file));
    res.setHeader(
        "Content-Disposition",
        "attachment; filename*=UTF-8''"
            + URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8)
                .replace("+", "%20"));
    try (InputStream in = Files.newInputStream(file);
        OutputStream out = res.getOutputStream()) {
      in.transferTo(out);
    }
  }
}
