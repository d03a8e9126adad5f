package org.penneoarchive.it.support;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Test-only: breaks and repairs the product's database on request, to make a real processing fault
 * (deployed as {@code fault-injector.war} by the tests that need it, never with the product).
 */
@WebServlet("/sql")
public class SqlFaultServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Resource(lookup = "java:jboss/datasources/PenneoDS")
  private DataSource dataSource;

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String sql =
        new String(req.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
      res.setStatus(204);
    } catch (SQLException e) {
      res.setStatus(500);
      res.getWriter().write(e.toString());
    }
  }
}
