package org.penneosandbox.api;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.penneosandbox.Sandbox;
import org.penneosandbox.json.JsonBodies;

/** The legacy topic webhook service: {@code /api/v1/webhook/subscriptions}. */
@Path("api/v1/webhook/subscriptions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class LegacyWebhookResource {

  @Inject Sandbox sandbox;

  /** Creates an unconfirmed subscription and sends its confirmation token to the endpoint. */
  @POST
  public Response create(InputStream body, @Context HttpServletRequest request) {
    var s = sandbox.subscriptions().createLegacy(Caller.of(request), JsonBodies.readObject(body));
    return Response.status(201).entity(s.toJson().toString()).build();
  }

  @GET
  public String list(@Context HttpServletRequest request) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    sandbox.subscriptions().listLegacy(Caller.of(request)).forEach(s -> a.add(s.toJson()));
    return a.build().toString();
  }

  @GET
  @Path("{id}")
  public String get(@PathParam("id") long id, @Context HttpServletRequest request) {
    return sandbox.subscriptions().legacy(Caller.of(request), id).toJson().toString();
  }

  @POST
  @Path("{id}/confirm")
  public String confirm(
      @PathParam("id") long id, InputStream body, @Context HttpServletRequest request) {
    return sandbox
        .subscriptions()
        .confirmLegacy(Caller.of(request), id, JsonBodies.readObject(body))
        .toJson()
        .toString();
  }

  /** Sends {@code {"topic":…,"eventType":"test","eventTime":…,"payload":{}}} (confirmed only). */
  @POST
  @Path("{id}/test")
  public Response test(@PathParam("id") long id, @Context HttpServletRequest request) {
    sandbox.subscriptions().testLegacy(Caller.of(request), id);
    return Response.noContent().build();
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") long id, @Context HttpServletRequest request) {
    sandbox.subscriptions().deleteLegacy(Caller.of(request), id);
    return Response.noContent().build();
  }
}
