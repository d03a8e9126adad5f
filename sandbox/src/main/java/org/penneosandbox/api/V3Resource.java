package org.penneosandbox.api;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.penneosandbox.Sandbox;
import org.penneosandbox.casefile.CaseFile;
import org.penneosandbox.casefile.CaseFileJson;
import org.penneosandbox.casefile.Document;
import org.penneosandbox.config.Account;
import org.penneosandbox.json.ApiException;

/** Penneo's REST API v3: case files, their documents and signers, and the PDFs. */
@Path("api/v3")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class V3Resource {

  static final String PDF = "application/pdf";

  @Inject Sandbox sandbox;
  @Inject Views views;

  /** {@code ?status=5}; {@code x-paginate: true} pages with {@code page}, {@code per_page}. */
  @GET
  @Path("casefiles")
  public Response caseFiles(
      @QueryParam("status") String status,
      @QueryParam("page") String page,
      @QueryParam("per_page") String perPage,
      @HeaderParam("x-paginate") String paginate,
      @Context UriInfo uri,
      @Context HttpServletRequest request) {
    Integer wanted = status == null || status.isBlank() ? null : parseStatus(status);
    List<CaseFile> all =
        sandbox.caseFiles().list(Caller.of(request), null).stream()
            .filter(cf -> wanted == null || views.status(cf) == wanted)
            .toList();
    if (!"true".equalsIgnoreCase(paginate == null ? null : paginate.trim())) {
      return Response.ok(array(all)).build();
    }
    Pagination.Page p = Pagination.page(page, perPage);
    return Response.ok(array(p.slice(all)))
        .header("Link", Pagination.linkHeader(uri.getRequestUri(), p, all.size()))
        .build();
  }

  private String array(List<CaseFile> caseFiles) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    caseFiles.forEach(cf -> a.add(views.caseFile(cf)));
    return a.build().toString();
  }

  private static int parseStatus(String s) {
    try {
      int n = Integer.parseInt(s.trim());
      if (n < 0 || n > 7) {
        throw ApiException.badRequest("status must be a case file status code (0-7)");
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("status must be an integer");
    }
  }

  @GET
  @Path("casefiles/{id}")
  public String caseFile(@PathParam("id") long id, @Context HttpServletRequest request) {
    return views.caseFile(sandbox.caseFiles().caseFile(id, Caller.of(request))).toString();
  }

  @GET
  @Path("casefiles/{id}/documents")
  public String documents(@PathParam("id") long id, @Context HttpServletRequest request) {
    CaseFile cf = sandbox.caseFiles().caseFile(id, Caller.of(request));
    JsonArrayBuilder a = Json.createArrayBuilder();
    cf.documents().forEach(d -> a.add(views.document(cf, d)));
    return a.build().toString();
  }

  @GET
  @Path("casefiles/{id}/signers")
  public String signers(@PathParam("id") long id, @Context HttpServletRequest request) {
    CaseFile cf = sandbox.caseFiles().caseFile(id, Caller.of(request));
    JsonArrayBuilder a = Json.createArrayBuilder();
    cf.signers().forEach(s -> a.add(CaseFileJson.signer(s)));
    return a.build().toString();
  }

  /** A signer with its {@code caseFileId}, which signer notifications may lack. */
  @GET
  @Path("signers/{id}")
  public String signer(@PathParam("id") long id, @Context HttpServletRequest request) {
    return CaseFileJson.signer(sandbox.caseFiles().signer(id, Caller.of(request))).toString();
  }

  @GET
  @Path("documents/{id}")
  public String document(@PathParam("id") long id, @Context HttpServletRequest request) {
    Account account = Caller.of(request);
    Document d = sandbox.caseFiles().document(id, account);
    return views.document(sandbox.caseFiles().caseFile(d.caseFileId(), account), d).toString();
  }

  /**
   * The PDF ({@code Accept: application/pdf}, or anything but JSON), or the document as JSON when
   * JSON is asked for. {@code ?signed=false} gives the unsigned original.
   */
  @GET
  @Path("documents/{id}/content")
  @Produces({
    PDF,
    MediaType.APPLICATION_JSON,
    MediaType.APPLICATION_OCTET_STREAM,
    MediaType.WILDCARD
  })
  public Response content(
      @PathParam("id") long id,
      @QueryParam("signed") String signed,
      @Context HttpHeaders headers,
      @Context HttpServletRequest request) {
    Account account = Caller.of(request);
    Document d = sandbox.caseFiles().document(id, account);
    CaseFile cf = sandbox.caseFiles().caseFile(d.caseFileId(), account);
    if (wantsJson(headers)) {
      return Response.ok(views.document(cf, d).toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }
    PdfBytes bytes = bytes(cf, d, !"false".equalsIgnoreCase(signed) && !"0".equals(signed));
    StreamingOutput body = bytes::writeTo;
    return Response.ok(body, PDF)
        .header("Content-Length", bytes.length())
        .header("Content-Disposition", "attachment; filename=\"document-" + d.id() + ".pdf\"")
        .build();
  }

  /** Legacy: a JSON array whose first element is the base64 PDF (the same bytes as /content). */
  @GET
  @Path("documents/{id}/pdf")
  public Response pdf(@PathParam("id") long id, @Context HttpServletRequest request) {
    Account account = Caller.of(request);
    Document d = sandbox.caseFiles().document(id, account);
    PdfBytes bytes = bytes(sandbox.caseFiles().caseFile(d.caseFileId(), account), d, true);
    StreamingOutput body = bytes::writeBase64JsonArray;
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
  }

  private PdfBytes bytes(CaseFile cf, Document d, boolean signed) {
    int notReady = sandbox.faults().documentNotReadyStatus(cf, Instant.now());
    if (notReady != 0 && signed) {
      throw new ApiException(notReady, "the signed document " + d.id() + " is not ready yet");
    }
    return new PdfBytes(d, signed, sandbox.faults().pdfFault());
  }

  private static boolean wantsJson(HttpHeaders headers) {
    List<MediaType> accept = headers.getAcceptableMediaTypes();
    if (accept.isEmpty() || accept.get(0).isWildcardType()) {
      return false;
    }
    MediaType first = accept.get(0);
    return first.isCompatible(MediaType.APPLICATION_JSON_TYPE)
        && accept.stream()
            .noneMatch(m -> m.isCompatible(MediaType.valueOf(PDF)) && !m.isWildcardType());
  }
}
