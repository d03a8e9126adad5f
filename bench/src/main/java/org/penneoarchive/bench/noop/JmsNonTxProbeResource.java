package org.penneoarchive.bench.noop;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
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

/**
 * Probe for the intake profile (not a ceiling): a persistent JMS send on a non-transacted session,
 * outside any JTA transaction ({@code /jms-nontx}), as the product's receiver sends. The send
 * blocks until the broker has synced it to its journal. Sends to {@code BenchProbe}, which the
 * harness empties.
 */
@Path("jms-nontx/{key}")
@Transactional(TxType.NOT_SUPPORTED)
public class JmsNonTxProbeResource {

  @Inject JMSContext context;

  @Resource(lookup = "java:/jms/queue/BenchProbe")
  Queue queue;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response send(@PathParam("key") String key, InputStream body) throws IOException {
    String text = new String(body.readNBytes(65537), StandardCharsets.UTF_8);
    context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(queue, text);
    return Response.ok("{\"status\":\"accepted\"}").build();
  }
}
