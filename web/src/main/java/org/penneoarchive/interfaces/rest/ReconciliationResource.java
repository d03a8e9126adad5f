package org.penneoarchive.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.penneoarchive.application.StaffActions;
import org.penneoarchive.application.reconciliation.ReconciliationService;

/** {@code POST /api/reconciliation}: reconcile with Penneo now (normally on its timer). */
@Path("reconciliation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ReconciliationResource {

  @Inject ReconciliationService reconciliation;
  @Inject StaffActions actions;

  @POST
  public Response start(@Context SecurityContext security) {
    reconciliation.runAsync();
    actions.record(SubscriptionResource.actor(security), "start reconciliation", "Penneo", "");
    return Response.accepted()
        .entity(JsonViews.message("accepted", "reconciliation with Penneo started").toString())
        .build();
  }
}
