package org.penneosandbox.api;

import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.penneosandbox.auth.AuthenticationFailed;
import org.penneosandbox.json.ApiException;

/** Every error as JSON {@code {"error": "..."}} with its status. */
final class ErrorMappers {
  private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

  private ErrorMappers() {}

  static Response json(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(
            Json.createObjectBuilder()
                .add("error", message == null ? "" : message)
                .build()
                .toString())
        .build();
  }

  @Provider
  public static class Api implements ExceptionMapper<ApiException> {
    @Override
    public Response toResponse(ApiException e) {
      Response.ResponseBuilder b = Response.fromResponse(json(e.status(), e.getMessage()));
      e.headers().forEach(b::header);
      return b.build();
    }
  }

  @Provider
  public static class Unauthorized implements ExceptionMapper<AuthenticationFailed> {
    @Override
    public Response toResponse(AuthenticationFailed e) {
      return json(401, e.getMessage());
    }
  }

  @Provider
  public static class WebApplication implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      Response r = e.getResponse();
      Response.ResponseBuilder b = Response.fromResponse(json(r.getStatus(), e.getMessage()));
      r.getStringHeaders()
          .forEach(
              (k, v) -> {
                if (!k.equalsIgnoreCase("Content-Type")) {
                  v.forEach(value -> b.header(k, value));
                }
              });
      return b.build();
    }
  }

  @Provider
  public static class Unexpected implements ExceptionMapper<RuntimeException> {
    @Override
    public Response toResponse(RuntimeException e) {
      LOG.log(Level.WARNING, "request failed", e);
      return json(500, "internal error in the sandbox: " + e);
    }
  }
}
