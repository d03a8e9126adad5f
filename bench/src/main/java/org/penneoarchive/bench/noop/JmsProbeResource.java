package org.penneoarchive.bench.noop;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Probes for the intake profile (not ceilings): a persistent JMS send in a JTA transaction, alone
 * ({@code /jms}, one resource: one-phase commit) and after one read of the product's datasource
 * ({@code /jms-db}, two resources: two-phase commit with a transaction log, as the product's
 * receiver does today). Both send to the bench's own queue {@code BenchProbe}, which nothing
 * consumes and the harness empties.
 */
@Path("")
@Transactional
public class JmsProbeResource {

  @Inject JMSContext context;

  @Resource(lookup = "java:/jms/queue/BenchProbe")
  Queue queue;

  @Resource(lookup = "java:jboss/datasources/PenneoDS")
  DataSource ds;

  @POST
  @Path("jms/{key}")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response jms(@PathParam("key") String key, InputStream body) throws IOException {
    send(body);
    return Response.ok("{\"status\":\"accepted\"}").build();
  }

  @POST
  @Path("jms-db/{key}")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response jmsDb(@PathParam("key") String key, InputStream body)
      throws IOException, SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select count(*) from ARCHIVE.SUBSCRIPTION where endpoint_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
      }
    }
    send(body);
    return Response.ok("{\"status\":\"accepted\"}").build();
  }

  private void send(InputStream body) throws IOException {
    String text = new String(body.readNBytes(65537), StandardCharsets.UTF_8);
    context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(queue, text);
  }
}
