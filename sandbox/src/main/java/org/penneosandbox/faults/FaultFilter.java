package org.penneosandbox.faults;

import io.undertow.servlet.handlers.ServletRequestContext;
import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.penneosandbox.Sandbox;

/**
 * Applies request faults before anything else runs, on Penneo's paths only (never the control API
 * or the page): a delay, an error status (429 with Retry-After), or a connection closed without any
 * answer. The close goes through Undertow's exchange because the Servlet API cannot drop a
 * connection.
 */
@WebFilter(urlPatterns = "/*")
public class FaultFilter implements Filter {

  private static final Logger LOG = Logger.getLogger(FaultFilter.class.getName());

  @Inject Sandbox sandbox;

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!isPenneoPath(path)) {
      chain.doFilter(req, res);
      return;
    }
    FaultService.Decision decision = sandbox.faults().decide(path);
    if (decision.delayMs() > 0) {
      try {
        Thread.sleep(decision.delayMs());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (decision instanceof FaultService.Reset) {
      LOG.info(() -> "fault: dropping the connection of " + request.getMethod() + " " + path);
      ServletRequestContext.requireCurrent().getExchange().getConnection().close();
      return;
    }
    if (decision instanceof FaultService.Refuse refuse) {
      LOG.info(
          () -> "fault: answering " + refuse.status() + " to " + request.getMethod() + " " + path);
      HttpServletResponse response = (HttpServletResponse) res;
      response.setStatus(refuse.status());
      if (refuse.status() == 429) {
        response.setHeader("Retry-After", Integer.toString(refuse.retryAfter()));
      }
      response.setContentType("application/json");
      response
          .getOutputStream()
          .write(
              ("{\"error\":\"sandbox fault: status " + refuse.status() + "\"}")
                  .getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(req, res);
  }

  static boolean isPenneoPath(String path) {
    return path.startsWith("/api/")
        || path.startsWith("/send/")
        || path.startsWith("/webhook/")
        || path.startsWith("/oauth/");
  }
}
