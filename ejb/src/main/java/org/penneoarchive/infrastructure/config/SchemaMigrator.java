package org.penneoarchive.infrastructure.config;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the product's schema up to date at start with the versioned migrations shipped in {@code
 * db/migration}. WildFly holds every other EJB invocation (MDB deliveries included) until startup
 * singletons are done, so nothing touches a table before it exists. The product's tables live in
 * their own schema because JBeret's and the EJB timer service's tables share the database.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigrator {

  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

  @Resource(lookup = "java:jboss/datasources/PenneoDS")
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "db.kind", defaultValue = "h2")
  String dbKind;

  @PostConstruct
  void migrate() {
    // Unquoted identifiers fold to upper case on H2 and to lower case on PostgreSQL.
    String schema = "postgresql".equalsIgnoreCase(dbKind) ? "archive" : "ARCHIVE";
    MigrateResult result =
        Flyway.configure(SchemaMigrator.class.getClassLoader())
            .dataSource(dataSource)
            .schemas(schema)
            .createSchemas(true)
            .locations("classpath:db/migration")
            .load()
            .migrate();
    LOG.info(
        () ->
            "Schema "
                + schema
                + " at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
  }
}
