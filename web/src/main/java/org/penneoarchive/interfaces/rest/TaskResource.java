package org.penneoarchive.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
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
import org.penneoarchive.application.subscription.InvalidRequestException;
import org.penneoarchive.application.tasks.StaffTaskService;
import org.penneoarchive.application.tasks.StaffTaskView;
import org.penneoarchive.domain.Jsonp;

/** {@code /api/tasks}: work for records staff; assign, comment, resolve. */
@Path("tasks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
public class TaskResource {

  @Inject StaffTaskService tasks;

  @GET
  public String list(
      @QueryParam("state") String state,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    return JsonViews.page(tasks.list(state, page, size), TaskResource::json).toString();
  }

  @GET
  @Path("{id}")
  public String get(@PathParam("id") long id) {
    return json(tasks.get(id)).toString();
  }

  @POST
  @Path("{id}/assign")
  public String assign(@PathParam("id") long id, @Context SecurityContext security) {
    return json(tasks.assign(id, SubscriptionResource.actor(security))).toString();
  }

  @POST
  @Path("{id}/comments")
  @Consumes(MediaType.APPLICATION_JSON)
  public String comment(
      @PathParam("id") long id, JsonObject body, @Context SecurityContext security) {
    if (body == null || !body.containsKey("text") || body.isNull("text")) {
      throw new InvalidRequestException("send {\"text\": \"…\"}");
    }
    return json(tasks.comment(id, SubscriptionResource.actor(security), body.getString("text")))
        .toString();
  }

  @POST
  @Path("{id}/resolve")
  public String resolve(@PathParam("id") long id, @Context SecurityContext security) {
    return json(tasks.resolve(id, SubscriptionResource.actor(security))).toString();
  }

  static JsonObject json(StaffTaskView t) {
    JsonObjectBuilder b =
        Jsonp.createObjectBuilder()
            .add("id", t.id())
            .add("kind", t.kind())
            .add("state", t.state())
            .add("summary", t.summary())
            .add("createdAt", t.createdAt().toString())
            .add("updatedAt", t.updatedAt().toString());
    if (t.caseFilePenneoId() != null) {
      b.add("caseFileId", t.caseFilePenneoId());
    }
    if (t.signerPenneoId() != null) {
      b.add("signerId", t.signerPenneoId());
    }
    if (t.assignee() != null) {
      b.add("assignee", t.assignee());
    }
    if (t.resolvedAt() != null) {
      b.add("resolvedAt", t.resolvedAt().toString()).add("resolvedBy", t.resolvedBy());
    }
    JsonArrayBuilder comments = Jsonp.createArrayBuilder();
    t.comments()
        .forEach(
            c ->
                comments.add(
                    Jsonp.createObjectBuilder()
                        .add("author", c.author())
                        .add("writtenAt", c.writtenAt().toString())
                        .add("text", c.body())));
    return b.add("comments", comments).build();
  }
}
