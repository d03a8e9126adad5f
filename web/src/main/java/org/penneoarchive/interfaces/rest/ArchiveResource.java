package org.penneoarchive.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
import java.net.URI;
import java.time.Instant;
import org.penneoarchive.application.archive.ArchiveJobs;
import org.penneoarchive.application.archive.ArchiveRefusedException;
import org.penneoarchive.application.archive.ArchiveRunView;
import org.penneoarchive.application.archive.FixityAuditService;
import org.penneoarchive.application.archive.FixityAuditView;
import org.penneoarchive.domain.Jsonp;

/**
 * {@code /api/archive}: the archive job's runs with their metrics, a sweep now, fixity audits and
 * their findings, an audit now. Starting something needs {@code records-admin} and answers {@code
 * 202} with the job execution: the work happens in the background.
 */
@Path("archive")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
public class ArchiveResource {

  @EJB ArchiveJobs jobs;
  @Inject FixityAuditService audits;

  @GET
  @Path("runs")
  public String runs(
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    return JsonViews.page(jobs.runs(page, size), ArchiveResource::run).toString();
  }

  @POST
  @Path("runs")
  @RolesAllowed(Roles.ADMIN)
  public Response sweep(@Context SecurityContext security) {
    long id = jobs.startSweep(user(security));
    return accepted("archive/runs", id, "archive-casefiles");
  }

  @GET
  @Path("audits")
  public String audits(
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("20") int size) {
    return JsonViews.page(audits.list(page, size), ArchiveResource::audit).toString();
  }

  @POST
  @Path("audits")
  @RolesAllowed(Roles.ADMIN)
  public Response audit(@Context SecurityContext security) {
    long id = jobs.startFixityAudit(user(security));
    return accepted("archive/audits", id, "fixity-audit");
  }

  /** {@code POST /api/casefiles/{penneoId}/archive}: archive a case file again. */
  @Path("/casefiles/{penneoId}/archive")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  public static class CaseFileArchive {

    @EJB ArchiveJobs jobs;

    @POST
    public Response archiveAgain(
        @PathParam("penneoId") long penneoId, @Context SecurityContext security) {
      try {
        long id = jobs.archiveAgain(penneoId, user(security));
        return accepted("archive/runs", id, "archive-casefiles");
      } catch (ArchiveRefusedException e) {
        return ApiExceptionMappers.json(409, "conflict", e.getMessage());
      }
    }
  }

  private static Response accepted(String list, long executionId, String job) {
    return Response.accepted(
            Jsonp.createObjectBuilder()
                .add("executionId", executionId)
                .add("job", job)
                .add("status", "STARTING")
                .build()
                .toString())
        .location(URI.create(list))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  private static String user(SecurityContext security) {
    return security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
  }

  static JsonObject run(ArchiveRunView r) {
    JsonObjectBuilder b =
        Jsonp.createObjectBuilder()
            .add("executionId", r.executionId())
            .add("instanceId", r.instanceId())
            .add("caseFiles", r.caseFiles())
            .add("read", r.read())
            .add("written", r.written())
            .add("filtered", r.filtered())
            .add("skipped", r.skipped())
            .add("retried", r.retried())
            .add("rollbacks", r.rollbacks())
            .add("commits", r.commits())
            .add("bytes", r.bytes());
    put(b, "status", r.status());
    put(b, "exitStatus", r.exitStatus());
    put(b, "kind", r.kind());
    put(b, "requestedBy", r.requestedBy());
    put(b, "createdAt", r.createdAt());
    put(b, "startedAt", r.startedAt());
    put(b, "endedAt", r.endedAt());
    if (r.durationMillis() != null) {
      b.add("durationMillis", r.durationMillis());
    }
    return b.build();
  }

  static JsonObject audit(FixityAuditView a) {
    JsonArrayBuilder findings = Jsonp.createArrayBuilder();
    for (FixityAuditView.Finding f : a.findings()) {
      findings.add(
          Jsonp.createObjectBuilder()
              .add("bag", f.bag())
              .add("kind", f.kind())
              .add("detail", f.detail()));
    }
    JsonObjectBuilder b =
        Jsonp.createObjectBuilder()
            .add("id", a.id())
            .add("executionId", a.executionId())
            .add("status", a.status())
            .add("bagsChecked", a.bagsChecked())
            .add("bagsFailed", a.bagsFailed())
            .add("filesChecked", a.filesChecked())
            .add("bytesChecked", a.bytesChecked())
            .add("findings", findings);
    put(b, "requestedBy", a.requestedBy());
    put(b, "startedAt", a.startedAt());
    put(b, "finishedAt", a.finishedAt());
    return b.build();
  }

  private static void put(JsonObjectBuilder b, String name, String value) {
    if (value != null) {
      b.add(name, value);
    }
  }

  private static void put(JsonObjectBuilder b, String name, Instant value) {
    if (value != null) {
      b.add(name, value.toString());
    }
  }
}
