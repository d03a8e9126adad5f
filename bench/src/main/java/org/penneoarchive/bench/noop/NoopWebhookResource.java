package org.penneoarchive.bench.noop;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/**
 * Does what the product's receiver does at the HTTP level and nothing else: reads the body (at most
 * 64 KiB + 1 byte, any Content-Type) and answers 200 with a small JSON body. The same load against
 * this endpoint in the same server is the ceiling of the intake figure.
 */
@Path("webhooks/{key}")
public class NoopWebhookResource {

  private static final int MAX = 65536;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response receive(@PathParam("key") String key, InputStream body) throws IOException {
    byte[] bytes = body.readNBytes(MAX + 1);
    return Response.ok("{\"status\":\"accepted\",\"bytes\":" + bytes.length + "}").build();
  }
}
