package org.penneoarchive.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.penneoarchive.application.intake.DeadLetterService;
import org.penneoarchive.application.intake.DeadLetterView;
import org.penneoarchive.domain.Jsonp;

/** {@code /api/dead-letters}: notifications that failed processing; replay or discard. */
@Path("dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
public class DeadLetterResource {

  @Inject DeadLetterService deadLetters;

  @GET
  public String list(
      @QueryParam("state") String state,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    return JsonViews.page(deadLetters.list(state, page, size), DeadLetterResource::json).toString();
  }

  @POST
  @Path("{id}/replay")
  @RolesAllowed(Roles.ADMIN)
  public String replay(@PathParam("id") long id, @Context SecurityContext security) {
    return json(deadLetters.replay(id, SubscriptionResource.actor(security))).toString();
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed(Roles.ADMIN)
  public String discard(@PathParam("id") long id, @Context SecurityContext security) {
    return json(deadLetters.discard(id, SubscriptionResource.actor(security))).toString();
  }

  static JsonObject json(DeadLetterView d) {
    JsonObjectBuilder b =
        Jsonp.createObjectBuilder()
            .add("id", d.id())
            .add("intakeId", d.intakeId())
            .add("state", d.state())
            .add("receivedAt", d.receivedAt().toString())
            .add("deadLetteredAt", d.deadLetteredAt().toString())
            .add("bodyExcerpt", d.bodyExcerpt());
    if (d.subscriptionId() != null) {
      b.add("subscriptionId", d.subscriptionId());
    }
    if (d.lastError() != null) {
      b.add("error", d.lastError());
    }
    if (d.attempts() != null) {
      b.add("attempts", d.attempts());
    }
    if (d.handledAt() != null) {
      b.add("handledAt", d.handledAt().toString()).add("handledBy", d.handledBy());
    }
    return b.build();
  }
}
