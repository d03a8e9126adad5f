package org.penneoarchive.bench.noop;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * One row per probe message in {@code archive.bench_drain} (one B-tree: the primary key), on the
 * product's datasource, each insert in a JTA transaction of its own.
 */
@ApplicationScoped
public class DrainProbeStore {

  @Resource(lookup = "java:jboss/datasources/PenneoDS")
  DataSource ds;

  @Transactional
  public void insert(long id, String body) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement("insert into archive.bench_drain (id, body) values (?, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, body);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store probe message " + id, e);
    }
  }

  /** Creates the table if needed and empties it. */
  @Transactional
  public void reset() {
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement()) {
      st.execute(
          "create table if not exists archive.bench_drain"
              + " (id bigint primary key, body varchar(4000) not null)");
      st.execute("delete from archive.bench_drain");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot prepare archive.bench_drain", e);
    }
  }
}
