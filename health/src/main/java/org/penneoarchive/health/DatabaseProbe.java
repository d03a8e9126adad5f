package org.penneoarchive.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/** The product's datasource hands out a connection that answers within a few seconds. */
public final class DatabaseProbe {

  static final String NAME = "database";
  private static final int VALID_TIMEOUT_SECONDS = 3;

  private DatabaseProbe() {}

  public static Probe check(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      if (!c.isValid(VALID_TIMEOUT_SECONDS)) {
        return Probe.down(
            NAME, "connection did not validate within " + VALID_TIMEOUT_SECONDS + " s");
      }
      return Probe.up(NAME, Map.of("product", c.getMetaData().getDatabaseProductName()));
    } catch (SQLException | RuntimeException e) {
      return Probe.down(NAME, "no connection: " + e.getMessage());
    }
  }
}
