package org.penneosandbox.api;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.penneosandbox.Sandbox;
import org.penneosandbox.casefile.CaseFileService;
import org.penneosandbox.config.Account;
import org.penneosandbox.json.ApiException;
import org.penneosandbox.json.JsonBodies;

/**
 * The send API of Penneo's collection: a case file as multipart ({@code data} = JSON, {@code files}
 * = the PDFs, matched by file name), answered with a job to poll.
 */
@Path("send/api/v1")
public class SendResource {

  private static final int MAX_FILES = CaseFileService.MAX_DOCUMENTS;

  @Inject Sandbox sandbox;

  @POST
  @Path("casefiles/20251022/create")
  @Authenticated
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  public String create(List<EntityPart> parts, @Context HttpServletRequest request) {
    Account account = Caller.of(request);
    if (account.superUser()) {
      throw new ApiException(403, "the super API user cannot create or send case files");
    }
    Map<String, java.nio.file.Path> uploads = new LinkedHashMap<>();
    try {
      String data = null;
      MessageDigest payload = sha256();
      for (EntityPart part : parts) {
        if ("data".equals(part.getName())) {
          data =
              new String(
                  JsonBodies.readBounded(part.getContent(), JsonBodies.MAX_JSON_BYTES),
                  StandardCharsets.UTF_8);
          payload.update(data.getBytes(StandardCharsets.UTF_8));
        } else if (part.getName().startsWith("files")) {
          String name =
              part.getFileName()
                  .filter(n -> !n.isBlank())
                  .orElseThrow(() -> ApiException.badRequest("a 'files' part has no file name"));
          if (uploads.size() >= MAX_FILES || uploads.containsKey(name)) {
            throw ApiException.badRequest("too many files, or file " + name + " twice");
          }
          uploads.put(name, store(part.getContent(), payload));
        }
      }
      if (data == null) {
        throw ApiException.badRequest("multipart part 'data' is missing");
      }
      CaseFileRequest cf = CaseFileRequest.parse(JsonBodies.parseObject(data), uploads);
      String hash = HexFormat.of().formatHex(payload.digest());
      JsonObject job =
          sandbox
              .sendJobs()
              .submit(
                  account.userId(),
                  hash,
                  Instant.now(),
                  () -> {
                    try {
                      return sandbox
                          .caseFiles()
                          .create(cf.title(), account, cf.signers(), cf.documents())
                          .id();
                    } catch (UncheckedIOException e) {
                      throw ApiException.badRequest(
                          "a document is not a readable PDF: " + e.getMessage());
                    }
                  });
      return Json.createObjectBuilder()
          .add("jobs", Json.createArrayBuilder().add(job))
          .build()
          .toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      // Files the case file took are moved away; whatever is left was not used.
      uploads.values().forEach(SendResource::deleteQuietly);
    }
  }

  private java.nio.file.Path store(InputStream in, MessageDigest payload) throws IOException {
    java.nio.file.Path dir = sandbox.caseFiles().uploadsDir();
    Files.createDirectories(dir);
    java.nio.file.Path file = Files.createTempFile(dir, "upload-", ".pdf");
    long max = sandbox.config().uploadMaxBytes();
    MessageDigest fileHash = sha256();
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), fileHash)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) >= 0) {
        total += n;
        if (total > max) {
          throw new ApiException(413, "an uploaded file is larger than " + max + " bytes");
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException | RuntimeException e) {
      deleteQuietly(file);
      throw e;
    }
    byte[] head = new byte[5];
    try (InputStream check = Files.newInputStream(file)) {
      if (check.readNBytes(head, 0, 5) != 5
          || !"%PDF-".equals(new String(head, StandardCharsets.US_ASCII))) {
        deleteQuietly(file);
        throw ApiException.badRequest("uploaded files must be PDFs");
      }
    }
    payload.update(fileHash.digest());
    return file;
  }

  @POST
  @Path("queue/public/status")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public String status(InputStream body) {
    JsonObject request = JsonBodies.readObject(body);
    String uuid = JsonBodies.string(request, "uuid", 64);
    String hash = JsonBodies.string(request, "payloadHash", 128);
    return sandbox.sendJobs().status(uuid, hash, Instant.now()).toString();
  }

  /** The {@code data} part: title, signers and documents, each document naming its file. */
  record CaseFileRequest(
      String title,
      List<CaseFileService.NewSigner> signers,
      List<CaseFileService.NewDocument> documents) {

    static CaseFileRequest parse(JsonObject data, Map<String, java.nio.file.Path> uploads) {
      JsonObject cf =
          JsonBodies.optObject(data, "caseFile")
              .orElseThrow(() -> ApiException.badRequest("'caseFile' is required in data"));
      String title = JsonBodies.string(cf, "title", CaseFileService.MAX_TITLE);
      List<CaseFileService.NewSigner> signers = new ArrayList<>();
      for (JsonValue v :
          JsonBodies.optArray(cf, "signers", CaseFileService.MAX_SIGNERS)
              .orElseThrow(() -> ApiException.badRequest("'caseFile.signers' is required"))) {
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
          throw ApiException.badRequest("signers must be objects");
        }
        JsonObject s = v.asJsonObject();
        signers.add(
            new CaseFileService.NewSigner(
                JsonBodies.string(s, "name", 200), JsonBodies.string(s, "email", 320)));
      }
      List<CaseFileService.NewDocument> documents = new ArrayList<>();
      for (JsonValue v :
          JsonBodies.optArray(cf, "documents", CaseFileService.MAX_DOCUMENTS)
              .orElseThrow(() -> ApiException.badRequest("'caseFile.documents' is required"))) {
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
          throw ApiException.badRequest("documents must be objects");
        }
        JsonObject d = v.asJsonObject();
        String name = JsonBodies.string(d, "name", 255);
        java.nio.file.Path file = uploads.get(name);
        if (file == null) {
          throw ApiException.badRequest(
              "document '" + name + "' has no uploaded file of that name");
        }
        if (documents.stream().anyMatch(x -> file.equals(x.upload()))) {
          throw ApiException.badRequest("two documents name the file '" + name + "'");
        }
        documents.add(new CaseFileService.NewDocument(JsonBodies.string(d, "title", 255), 0, file));
      }
      return new CaseFileRequest(title, signers, documents);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteQuietly(java.nio.file.Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // an upload left in the uploads folder is removed by the next reset
    }
  }
}
