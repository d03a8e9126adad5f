package org.penneosandbox.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.penneosandbox.Sandbox;
import org.penneosandbox.json.JsonBodies;

/**
 * {@code control/sink}: a webhook endpoint that records what it gets and answers 200 (or {@code
 * ?status=N} to answer N, for retry tests).
 */
@Path("control/sink")
public class SinkResource {

  @Inject Sandbox sandbox;

  @POST
  @Consumes(MediaType.WILDCARD)
  public Response receive(
      @QueryParam("status") Integer status,
      @Context HttpHeaders headers,
      @Context UriInfo uri,
      InputStream body) {
    byte[] bytes = JsonBodies.readBounded(body, JsonBodies.MAX_JSON_BYTES);
    Map<String, String> h = new LinkedHashMap<>();
    headers
        .getRequestHeaders()
        .forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), String.join(", ", v)));
    sandbox
        .sink()
        .add(uri.getRequestUri().getRawQuery(), h, new String(bytes, StandardCharsets.UTF_8));
    int answer = status == null || status < 200 || status > 599 ? 200 : status;
    return Response.status(answer).build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String received() {
    return sandbox.sink().toJson().build().toString();
  }

  @DELETE
  public Response clear() {
    sandbox.sink().clear();
    return Response.noContent().build();
  }
}
