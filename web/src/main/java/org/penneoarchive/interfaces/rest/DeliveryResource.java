package org.penneoarchive.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.penneoarchive.application.intake.AcceptedDeliveryView;
import org.penneoarchive.application.intake.DeliveryQueryService;
import org.penneoarchive.domain.Jsonp;

/**
 * {@code /api/deliveries?outcome=rejected}: refused webhook calls with their reasons; {@code
 * outcome=NOT_UNDERSTOOD} (or APPLIED, DUPLICATE, CONFIRMATION_TOKEN, TEST): accepted ones.
 */
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
    if ("rejected".equalsIgnoreCase(outcome)) {
      return JsonViews.page(deliveries.rejected(page, size), JsonViews::rejected).toString();
    }
    return JsonViews.page(deliveries.accepted(outcome, page, size), DeliveryResource::accepted)
        .toString();
  }

  static jakarta.json.JsonObject accepted(AcceptedDeliveryView d) {
    var b =
        Jsonp.createObjectBuilder()
            .add("id", d.id())
            .add("subscriptionId", d.subscriptionId())
            .add("receivedAt", d.receivedAt().toString())
            .add("outcome", d.outcome())
            .add("bodyExcerpt", d.bodyExcerpt());
    if (d.contentType() != null) {
      b.add("contentType", d.contentType());
    }
    if (d.xEventType() != null) {
      b.add("eventType", d.xEventType());
    }
    if (d.detail() != null) {
      b.add("detail", d.detail());
    }
    return b.build();
  }
}
