package org.penneoarchive.bench.noop;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The processing ceiling's side door: {@code POST /drain/{id}?commit=true|false} queues the body on
 * {@code BenchDrain} as the receiver queues a notification (a persistent send on a non-transacted
 * session); {@code GET /drain} answers how many {@link DrainProbeConsumer} took off the queue and
 * when; {@code DELETE /drain} resets the count and empties the probe's table.
 */
@Path("drain")
@Transactional(TxType.NOT_SUPPORTED)
public class DrainProbeResource {

  static final String COMMIT = "commit";
  static final String ID = "id";

  @Inject JMSContext context;
  @Inject DrainProbeCounter counter;
  @Inject DrainProbeStore store;

  @Resource(lookup = "java:/jms/queue/BenchDrain")
  Queue queue;

  @POST
  @Path("{id}")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response send(
      @PathParam("id") long id, @QueryParam("commit") boolean commit, InputStream body)
      throws IOException {
    String text = new String(body.readNBytes(4000), StandardCharsets.UTF_8);
    context
        .createProducer()
        .setDeliveryMode(DeliveryMode.PERSISTENT)
        .setProperty(COMMIT, commit)
        .setProperty(ID, id)
        .send(queue, text);
    return Response.ok("{\"status\":\"accepted\"}").build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String count() {
    return counter.json();
  }

  @DELETE
  public Response reset() {
    store.reset();
    counter.reset();
    return Response.noContent().build();
  }
}
