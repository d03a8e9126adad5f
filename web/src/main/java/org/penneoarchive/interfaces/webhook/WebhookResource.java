package org.penneoarchive.interfaces.webhook;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.penneoarchive.application.intake.IntakeResult;
import org.penneoarchive.application.intake.WebhookCall;
import org.penneoarchive.application.intake.WebhookIntakeService;
import org.penneoarchive.domain.Jsonp;

/**
 * {@code POST /webhooks/{endpointKey}}: reads at most the body limit plus one byte, whatever the
 * Content-Type (Penneo does not set it properly), and answers with what {@link
 * WebhookIntakeService} decided. 200 means the notification is durably queued.
 */
@Path("{key}")
public class WebhookResource {

  private static final Logger LOG = Logger.getLogger(WebhookResource.class.getName());
  private static final int MAX_QUERY_PARAMETERS = 20;
  private static final int MAX_QUERY_VALUE = 1024;

  @Inject WebhookIntakeService intake;

  @Inject
  @ConfigProperty(name = "webhook.max-body-bytes", defaultValue = "65536")
  int maxBodyBytes;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response receive(
      @PathParam("key") String key,
      @Context HttpHeaders headers,
      @Context UriInfo uri,
      InputStream body)
      throws IOException {
    boolean declaredTooLarge = headers.getLength() > maxBodyBytes;
    byte[] bytes = declaredTooLarge ? body.readNBytes(4096) : body.readNBytes(maxBodyBytes + 1);
    boolean overLimit = declaredTooLarge || bytes.length > maxBodyBytes;
    WebhookCall call =
        new WebhookCall(
            key,
            headers.getHeaderString(HttpHeaders.CONTENT_TYPE),
            headers.getHeaderString("x-event-type"),
            headers.getHeaderString("x-event-id"),
            headers.getHeaderString("x-event-signature"),
            queryParameters(uri),
            bytes,
            overLimit);
    IntakeResult result;
    try {
      result = intake.receive(call);
    } catch (EJBException e) {
      LOG.warning(() -> "Cannot enqueue a webhook call, answering 503: " + e);
      intake.recordUnavailable(call, String.valueOf(e.getCause() == null ? e : e.getCause()));
      result = IntakeResult.refused(503, "cannot enqueue", "try again later");
    }
    var json = Jsonp.createObjectBuilder();
    if (result.isAccepted()) {
      json.add("status", "accepted").add("id", result.intakeId());
    } else {
      json.add("error", result.error()).add("detail", result.detail());
    }
    return Response.status(result.status()).entity(json.build().toString()).build();
  }

  private static Map<String, String> queryParameters(UriInfo uri) {
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<String, List<String>> e : uri.getQueryParameters().entrySet()) {
      if (out.size() >= MAX_QUERY_PARAMETERS) {
        break;
      }
      String v = e.getValue().isEmpty() ? "" : e.getValue().get(0);
      if (e.getKey().length() <= 64 && v.length() <= MAX_QUERY_VALUE) {
        out.put(e.getKey(), v);
      }
    }
    return out;
  }
}
