package org.penneoarchive.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.penneoarchive.application.casefile.CaseFileActions;
import org.penneoarchive.application.casefile.CaseFileQueryService;

/** {@code /api/casefiles}: case files by Penneo id, with their timeline and signers. */
@Path("casefiles")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
public class CaseFileResource {

  @Inject CaseFileQueryService caseFiles;
  @Inject CaseFileActions actions;

  @GET
  public String search(
      @QueryParam("state") String state,
      @QueryParam("q") String q,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    return JsonViews.page(caseFiles.search(state, q, page, size), JsonViews::caseFileSummary)
        .toString();
  }

  @GET
  @Path("{penneoId}")
  public String get(@PathParam("penneoId") long penneoId) {
    return JsonViews.caseFile(caseFiles.get(penneoId)).toString();
  }

  /** Asks Penneo again about the case file (title, signers, status). */
  @POST
  @Path("{penneoId}/recheck")
  @RolesAllowed(Roles.ADMIN)
  public Response recheck(@PathParam("penneoId") long penneoId, @Context SecurityContext security) {
    actions.recheck(penneoId, SubscriptionResource.actor(security));
    return Response.accepted()
        .entity(
            JsonViews.message("accepted", "case file " + penneoId + " will be checked at Penneo")
                .toString())
        .build();
  }
}
