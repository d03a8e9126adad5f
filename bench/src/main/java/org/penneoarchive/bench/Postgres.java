package org.penneoarchive.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The local PostgreSQL 15 cluster (Debian's {@code pg_ctlcluster}), on loopback port 5432, with a
 * fresh database of the benchmark's own. Left running afterwards (it was installed for this).
 */
final class Postgres {

  static final String DB = "penneo_bench";
  static final String USER = "penneo_bench";
  static final String PASSWORD = "penneo-bench";
  static final String URL = "jdbc:postgresql://127.0.0.1:5432/" + DB;

  private Postgres() {}

  static void ensure(Path work) {
    String status = Server.run(List.of("pg_lsclusters", "-h"), Map.of(), Duration.ofSeconds(20));
    if (!status.contains("online")) {
      Bench.log("starting PostgreSQL 15 (pg_ctlcluster 15 main start)");
      Server.run(List.of("pg_ctlcluster", "15", "main", "start"), Map.of(), Duration.ofMinutes(1));
    }
    psql("DROP DATABASE IF EXISTS " + DB);
    psql(
        "DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='"
            + USER
            + "') THEN CREATE ROLE "
            + USER
            + " LOGIN PASSWORD '"
            + PASSWORD
            + "'; END IF; END$$");
    psql("CREATE DATABASE " + DB + " OWNER " + USER);
  }

  private static void psql(String sql) {
    Server.run(
        List.of(
            "runuser", "-u", "postgres", "--", "psql", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql),
        Map.of(),
        Duration.ofMinutes(1));
  }
}
