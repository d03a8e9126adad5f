package org.penneosandbox.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/**
 * {@code /penneo-sandbox/}: one HTML page that shows the case files and the delivery log from the
 * control API. Served through JAX-RS because the application owns the whole context path.
 */
@Path("")
public class PageResource {

  @GET
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public InputStream page() {
    return PageResource.class.getResourceAsStream("/page/index.html");
  }
}
