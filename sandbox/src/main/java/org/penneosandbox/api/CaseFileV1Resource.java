package org.penneosandbox.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.penneosandbox.Sandbox;
import org.penneosandbox.casefile.CaseFile;

/** {@code /api/v1/casefiles/{id}} as the send collection uses it: read with documents, delete. */
@Path("api/v1/casefiles/{id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CaseFileV1Resource {

  @Inject Sandbox sandbox;
  @Inject Views views;

  @GET
  public String get(@PathParam("id") long id, @Context HttpServletRequest request) {
    CaseFile cf = sandbox.caseFiles().caseFile(id, Caller.of(request));
    return views.caseFileWithChildren(cf).toString();
  }

  /** Deleting sends each signer's "deleted" event; the case file is then gone (404). */
  @DELETE
  public Response delete(@PathParam("id") long id, @Context HttpServletRequest request) {
    CaseFile cf = sandbox.caseFiles().caseFile(id, Caller.of(request));
    sandbox.lifecycle().delete(cf.id());
    return Response.ok().build();
  }
}
