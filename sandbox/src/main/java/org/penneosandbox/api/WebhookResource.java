package org.penneosandbox.api;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.penneosandbox.Sandbox;
import org.penneosandbox.json.JsonBodies;

/** The current webhook service: {@code /webhook/api/v1/subscriptions}. */
@Path("webhook/api/v1/subscriptions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class WebhookResource {

  @Inject Sandbox sandbox;

  @POST
  public Response create(InputStream body, @Context HttpServletRequest request) {
    var s = sandbox.subscriptions().createCurrent(Caller.of(request), JsonBodies.readObject(body));
    return Response.status(201).entity(s.toJson().toString()).build();
  }

  @GET
  public String list(@Context HttpServletRequest request) {
    JsonArrayBuilder items = Json.createArrayBuilder();
    sandbox.subscriptions().listCurrent(Caller.of(request)).forEach(s -> items.add(s.toJson()));
    return Json.createObjectBuilder().add("items", items).build().toString();
  }

  /** Fires webhook.subscription.test to the caller's active subscriptions that include it. */
  @POST
  @Path("test")
  public Response test(@Context HttpServletRequest request) {
    sandbox.subscriptions().testCurrent(Caller.of(request));
    return Response.noContent().build();
  }

  @GET
  @Path("{id}")
  public String get(@PathParam("id") String id, @Context HttpServletRequest request) {
    return sandbox.subscriptions().current(Caller.of(request), id).toJson().toString();
  }

  /** Replaces the whole subscription: omitted eventTypes become empty, omitted isActive false. */
  @PUT
  @Path("{id}")
  public String replace(
      @PathParam("id") String id, InputStream body, @Context HttpServletRequest request) {
    return sandbox
        .subscriptions()
        .replaceCurrent(Caller.of(request), id, JsonBodies.readObject(body))
        .toJson()
        .toString();
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id, @Context HttpServletRequest request) {
    sandbox.subscriptions().deleteCurrent(Caller.of(request), id);
    return Response.noContent().build();
  }
}
