package org.penneoarchive.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.penneoarchive.application.subscription.InvalidRequestException;
import org.penneoarchive.application.subscription.SubscriptionRequest;
import org.penneoarchive.application.subscription.SubscriptionService;

/** {@code /api/subscriptions}: list, create, read and remove webhook subscriptions. */
@Path("subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
public class SubscriptionResource {

  @Inject SubscriptionService subscriptions;

  @GET
  public String list() {
    return JsonViews.subscriptions(subscriptions.list()).toString();
  }

  @GET
  @Path("{id}")
  public String get(@PathParam("id") long id) {
    return JsonViews.subscription(subscriptions.get(id)).toString();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  public Response create(JsonObject body, @Context SecurityContext security) {
    if (body == null) {
      throw new InvalidRequestException("a JSON object is required");
    }
    var view =
        subscriptions.create(
            new SubscriptionRequest(
                SubscriptionRequest.parseService(string(body, "service")),
                string(body, "topic"),
                eventTypes(body)),
            actor(security));
    return Response.created(URI.create("subscriptions/" + view.id()))
        .entity(JsonViews.subscription(view).toString())
        .build();
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed(Roles.ADMIN)
  public Response delete(@PathParam("id") long id, @Context SecurityContext security) {
    subscriptions.delete(id, actor(security));
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/test")
  @RolesAllowed(Roles.ADMIN)
  public Response test(@PathParam("id") long id, @Context SecurityContext security) {
    subscriptions.test(id, actor(security));
    return Response.accepted()
        .entity(
            JsonViews.message("accepted", "Penneo was asked to send a test notification")
                .toString())
        .build();
  }

  @POST
  @Path("{id}/pause")
  @RolesAllowed(Roles.ADMIN)
  public String pause(@PathParam("id") long id, @Context SecurityContext security) {
    return JsonViews.subscription(subscriptions.pause(id, true, actor(security))).toString();
  }

  @POST
  @Path("{id}/resume")
  @RolesAllowed(Roles.ADMIN)
  public String resume(@PathParam("id") long id, @Context SecurityContext security) {
    return JsonViews.subscription(subscriptions.pause(id, false, actor(security))).toString();
  }

  @POST
  @Path("{id}/rotate")
  @RolesAllowed(Roles.ADMIN)
  public String rotate(@PathParam("id") long id, @Context SecurityContext security) {
    return JsonViews.subscription(subscriptions.rotate(id, actor(security))).toString();
  }

  static String actor(SecurityContext security) {
    return security.getUserPrincipal() == null
        ? "anonymous"
        : security.getUserPrincipal().getName();
  }

  private static String string(JsonObject o, String name) {
    JsonValue v = o.get(name);
    return v instanceof JsonString s ? s.getString() : null;
  }

  private static List<String> eventTypes(JsonObject o) {
    JsonValue v = o.get("eventTypes");
    if (v == null || v == JsonValue.NULL) {
      return null;
    }
    if (!(v instanceof JsonArray array)) {
      throw new InvalidRequestException("eventTypes must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonValue item : array) {
      if (!(item instanceof JsonString s)) {
        throw new InvalidRequestException("eventTypes must be an array of strings");
      }
      out.add(s.getString());
    }
    return out;
  }
}
