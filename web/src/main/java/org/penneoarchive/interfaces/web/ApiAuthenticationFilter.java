package org.penneoarchive.interfaces.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * API clients authenticate with HTTP Basic against the server's security domain; a console session
 * works too. Without valid credentials an {@code /api/*} call gets {@code 401} JSON — never the
 * HTML login page that the form mechanism would send. Roles are then checked on each resource
 * ({@code @RolesAllowed}).
 */
@WebFilter(urlPatterns = "/api/*")
public class ApiAuthenticationFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ApiAuthenticationFilter.class.getName());

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (req.getUserPrincipal() == null) {
      String header = req.getHeader("Authorization");
      if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
        String[] userPassword = decode(header.substring(6).trim());
        if (userPassword != null) {
          try {
            req.login(userPassword[0], userPassword[1]);
          } catch (ServletException e) {
            LOG.fine(() -> "API login refused for " + userPassword[0]);
          }
        }
      }
    }
    if (req.getUserPrincipal() == null) {
      res.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      res.setHeader("WWW-Authenticate", "Basic realm=\"penneo-archive\", charset=\"UTF-8\"");
      res.setContentType("application/json");
      res.setCharacterEncoding("UTF-8");
      res.getWriter()
          .write(
              "{\"error\":\"unauthorized\",\"detail\":\"send HTTP Basic credentials of a user"
                  + " with role records-staff or records-admin\"}");
      return;
    }
    chain.doFilter(req, res);
  }

  private static String[] decode(String token) {
    try {
      String s = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      int colon = s.indexOf(':');
      return colon <= 0 ? null : new String[] {s.substring(0, colon), s.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
