package org.penneoarchive.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.penneoarchive.application.intake.DeliveryQueryService;
import org.penneoarchive.application.subscription.InvalidRequestException;

/** {@code /api/deliveries?outcome=rejected}: refused webhook calls with their reasons. */
@Path("deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
public class DeliveryResource {

  @Inject DeliveryQueryService deliveries;

  @GET
  public String list(
      @QueryParam("outcome") @DefaultValue("rejected") String outcome,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    if (!"rejected".equals(outcome)) {
      throw new InvalidRequestException("outcome must be \"rejected\"");
    }
    return JsonViews.page(deliveries.rejected(page, size), JsonViews::rejected).toString();
  }
}
