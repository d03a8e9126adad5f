package org.penneoarchive.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import java.nio.file.Path;
import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The readiness checks of {@code /health/ready}. Resources are looked up by JNDI on each call (a
 * library jar has no injection of the EAR's resources), so a failure shows as DOWN with its reason
 * instead of breaking deployment.
 */
@ApplicationScoped
public class ProductReadinessChecks {

  static final String DATASOURCE = "java:jboss/datasources/PenneoDS";
  static final String CONNECTION_FACTORY = "java:/ConnectionFactory";
  static final String QUEUE = "java:/jms/queue/PenneoNotifications";

  @Produces
  @Readiness
  HealthCheck application() {
    return () -> {
      var openedAt = ReadinessGate.openedAt();
      return openedAt == null
          ? HealthCheckResponse.named("application").down().withData("reason", "starting").build()
          : HealthCheckResponse.named("application")
              .up()
              .withData("since", openedAt.toString())
              .build();
    };
  }

  @Produces
  @Readiness
  HealthCheck database() {
    return () -> toResponse(lookup(DATASOURCE, DataSource.class, DatabaseProbe::check, "database"));
  }

  @Produces
  @Readiness
  HealthCheck jms() {
    return () -> {
      try {
        InitialContext ctx = new InitialContext();
        return toResponse(
            JmsProbe.check(
                (ConnectionFactory) ctx.lookup(CONNECTION_FACTORY), (Queue) ctx.lookup(QUEUE)));
      } catch (NamingException | ClassCastException e) {
        return toResponse(Probe.down(JmsProbe.NAME, "not bound: " + e.getMessage()));
      }
    };
  }

  @Produces
  @Readiness
  HealthCheck archiveDirectory() {
    return () -> {
      Config config = ConfigProvider.getConfig();
      Path root = Path.of(config.getValue("archive.root", String.class));
      long minFree = config.getOptionalValue("archive.min-free-bytes", Long.class).orElse(1L << 30);
      return toResponse(ArchiveDirectoryProbe.check(root, minFree));
    };
  }

  private static <T> Probe lookup(
      String name, Class<T> type, java.util.function.Function<T, Probe> probe, String probeName) {
    try {
      return probe.apply(type.cast(new InitialContext().lookup(name)));
    } catch (NamingException | ClassCastException e) {
      return Probe.down(probeName, name + " not bound: " + e.getMessage());
    }
  }

  static HealthCheckResponse toResponse(Probe probe) {
    HealthCheckResponseBuilder b = HealthCheckResponse.named(probe.name()).status(probe.up());
    for (Map.Entry<String, Object> e : probe.data().entrySet()) {
      Object v = e.getValue();
      if (v instanceof Long l) {
        b.withData(e.getKey(), l);
      } else if (v instanceof Integer i) {
        b.withData(e.getKey(), i.longValue());
      } else if (v instanceof Boolean bool) {
        b.withData(e.getKey(), bool);
      } else {
        b.withData(e.getKey(), String.valueOf(v));
      }
    }
    return b.build();
  }
}
