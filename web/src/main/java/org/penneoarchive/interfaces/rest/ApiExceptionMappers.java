package org.penneoarchive.interfaces.rest;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.penneoarchive.application.subscription.InvalidRequestException;
import org.penneoarchive.application.subscription.NotFoundException;
import org.penneoarchive.application.subscription.PenneoRefusedException;

/** Every API error as JSON {@code {"error": …, "detail": …}} with a fitting status. */
final class ApiExceptionMappers {

  private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class.getName());

  private ApiExceptionMappers() {}

  static Response json(int status, String error, String detail) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(JsonViews.error(error, detail).toString())
        .build();
  }

  @Provider
  public static class InvalidRequest implements ExceptionMapper<InvalidRequestException> {
    @Override
    public Response toResponse(InvalidRequestException e) {
      return json(400, "invalid request", e.getMessage());
    }
  }

  @Provider
  public static class NotFound implements ExceptionMapper<NotFoundException> {
    @Override
    public Response toResponse(NotFoundException e) {
      return json(404, "not found", e.getMessage());
    }
  }

  @Provider
  public static class PenneoRefused implements ExceptionMapper<PenneoRefusedException> {
    @Override
    public Response toResponse(PenneoRefusedException e) {
      return json(502, "penneo refused", e.getMessage());
    }
  }

  @Provider
  public static class Forbidden implements ExceptionMapper<ForbiddenException> {
    @Override
    public Response toResponse(ForbiddenException e) {
      return json(403, "forbidden", "your role does not allow this");
    }
  }

  @Provider
  public static class WebApplication implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      int status = e.getResponse().getStatus();
      return json(
          status,
          Response.Status.fromStatusCode(status) == null
              ? "error"
              : Response.Status.fromStatusCode(status).getReasonPhrase().toLowerCase(),
          e.getMessage());
    }
  }

  @Provider
  public static class Ejb implements ExceptionMapper<EJBException> {
    @Override
    public Response toResponse(EJBException e) {
      if (e instanceof EJBAccessException) {
        return json(403, "forbidden", "your role does not allow this");
      }
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof InvalidRequestException ir) {
        return json(400, "invalid request", ir.getMessage());
      }
      if (cause instanceof NotFoundException nf) {
        return json(404, "not found", nf.getMessage());
      }
      if (cause instanceof PenneoRefusedException pr) {
        return json(502, "penneo refused", pr.getMessage());
      }
      LOG.log(Level.WARNING, "API call failed", e);
      return json(500, "internal error", "the failure is in the server log");
    }
  }
}
