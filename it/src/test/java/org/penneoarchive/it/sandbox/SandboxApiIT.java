package org.penneoarchive.it.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.penneoarchive.it.support.Deployments;

/** The send API, /api/v1 and /api/v3 as a client sees them: JSON, pagination, PDF bytes. */
@ExtendWith(ArquillianExtension.class)
class SandboxApiIT {

  @Deployment(testable = false)
  static WebArchive sandbox() {
    return Deployments.sandbox();
  }

  final SandboxClient client = new SandboxClient();

  @BeforeEach
  void reset() throws Exception {
    client.reset();
  }

  JsonObject getObject(String path) throws Exception {
    HttpResponse<String> r = client.send(client.asSuper(path).GET().build());
    assertEquals(200, r.statusCode(), path + ": " + r.body());
    return SandboxClient.object(r.body());
  }

  byte[] content(String path, String accept) throws Exception {
    HttpResponse<byte[]> r =
        client.sendBytes(client.asSuper(path).header("Accept", accept).GET().build());
    assertEquals(200, r.statusCode());
    return r.body();
  }

  @Test
  void sendApiCreatesACaseFileThroughAJob() throws Exception {
    long seed =
        client
            .createCaseFile("{\"signers\":1}")
            .getJsonArray("documentIds")
            .getJsonNumber(0)
            .longValue();
    byte[] pdf = content("api/v3/documents/" + seed + "/content", "application/pdf");
    String token = client.accessToken(SandboxClient.USER_KEY, SandboxClient.USER_SECRET);

    String boundary = "sandbox-it-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String data =
        "{\"caseFile\":{\"title\":\"Contract via send API\",\"signers\":[{\"name\":\"John Doe\","
            + "\"email\":\"john@example.com\",\"role\":\"signer\"}],\"documents\":[{\"title\":"
            + "\"Contract Document\",\"name\":\"contract.pdf\"}]}}";
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"data\"\r\n\r\n"
                + data
                + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"contract.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(pdf);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> created =
        client.send(
            client
                .request("send/api/v1/casefiles/20251022/create")
                .header("X-Auth-Token", token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    assertEquals(200, created.statusCode(), created.body());
    JsonObject job = SandboxClient.object(created.body()).getJsonArray("jobs").getJsonObject(0);

    HttpResponse<String> polled =
        client.send(
            client
                .request("send/api/v1/queue/public/status")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(job.toString()))
                .build());
    assertEquals(200, polled.statusCode(), polled.body());
    JsonObject status = SandboxClient.object(polled.body());
    assertEquals("completed", status.getString("jobStatus"));
    long id =
        status
            .getJsonObject("result")
            .getJsonObject("data")
            .getJsonObject("caseFile")
            .getJsonNumber("id")
            .longValue();

    HttpResponse<String> v1 =
        client.send(
            client
                .request("api/v1/casefiles/" + id)
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
    assertEquals(200, v1.statusCode());
    JsonObject cf = SandboxClient.object(v1.body());
    assertEquals("Contract via send API", cf.getString("title"));
    assertEquals(1, cf.getJsonArray("documents").size());
    long documentId = cf.getJsonArray("documents").getJsonObject(0).getJsonNumber("id").longValue();
    byte[] original =
        content("api/v3/documents/" + documentId + "/content?signed=false", "application/pdf");
    assertArrayEquals(pdf, original, "signed=false gives the uploaded file back");

    assertEquals(
        200,
        client
            .send(
                client
                    .request("api/v1/casefiles/" + id)
                    .header("Authorization", "Bearer " + token)
                    .DELETE()
                    .build())
            .statusCode());
    assertEquals(
        404,
        client
            .send(
                client
                    .request("api/v1/casefiles/" + id)
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build())
            .statusCode());
  }

  @Test
  void documentBytesAreTheSameFromContentAndLegacyPdf() throws Exception {
    JsonObject created =
        client.createCaseFile("{\"signers\":2,\"documents\":[120000],\"owner\":\"user\"}");
    long doc = created.getJsonArray("documentIds").getJsonNumber(0).longValue();
    HttpResponse<byte[]> r =
        client.sendBytes(
            client
                .asSuper("api/v3/documents/" + doc + "/content")
                .header("Accept", "application/pdf")
                .GET()
                .build());
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"));
    byte[] pdf = r.body();
    assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
    assertTrue(new String(pdf, pdf.length - 8, 8, StandardCharsets.US_ASCII).contains("%%EOF"));
    assertTrue(pdf.length > 100_000, "size near the 120000 bytes asked for: " + pdf.length);

    JsonArray legacy =
        SandboxClient.array(
            client.send(client.asSuper("api/v3/documents/" + doc + "/pdf").GET().build()).body());
    assertArrayEquals(pdf, Base64.getDecoder().decode(legacy.getString(0)));
    assertArrayEquals(
        pdf, content("api/v3/documents/" + doc + "/content", "application/pdf"), "bytes are fixed");

    JsonObject asJson = getObject("api/v3/documents/" + doc);
    assertEquals(
        created.getJsonNumber("id").longValue(), asJson.getJsonNumber("caseFileId").longValue());
    String ca = client.send(client.request("control/ca.pem").GET().build()).body();
    assertTrue(ca.startsWith("-----BEGIN CERTIFICATE-----"));
  }

  @Test
  void signersAndDocumentsOfACaseFile() throws Exception {
    JsonObject created = client.createCaseFile("{\"signers\":3,\"documents\":[10000,10000]}");
    long id = created.getJsonNumber("id").longValue();
    JsonArray signers =
        SandboxClient.array(
            client
                .send(client.asSuper("api/v3/casefiles/" + id + "/signers").GET().build())
                .body());
    assertEquals(3, signers.size());
    JsonArray docs =
        SandboxClient.array(
            client
                .send(client.asSuper("api/v3/casefiles/" + id + "/documents").GET().build())
                .body());
    assertEquals(2, docs.size());
    long signerId = created.getJsonArray("signerIds").getJsonNumber(1).longValue();
    assertEquals(
        id, getObject("api/v3/signers/" + signerId).getJsonNumber("caseFileId").longValue());
    assertEquals(
        404, client.send(client.asSuper("api/v3/signers/999999999").GET().build()).statusCode());
  }

  @Test
  void caseFilesArePagedWithLinksAndFilteredByStatus() throws Exception {
    List<Long> completed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      long id =
          client
              .createCaseFile("{\"signers\":1,\"documents\":[5000]}")
              .getJsonNumber("id")
              .longValue();
      if (i != 2) {
        client.control("POST", "casefiles/" + id + "/play", "{\"to\":\"completed\"}");
        completed.add(id);
      }
    }
    List<Long> seen = new ArrayList<>();
    String next = client.base + "/api/v3/casefiles?status=5&per_page=2";
    int pages = 0;
    while (next != null) {
      HttpResponse<String> r =
          client.send(
              client
                  .wsse(
                      HttpRequest.newBuilder(java.net.URI.create(next)),
                      SandboxClient.SUPER_KEY,
                      SandboxClient.SUPER_SECRET)
                  .header("x-paginate", "true")
                  .GET()
                  .build());
      assertEquals(200, r.statusCode());
      SandboxClient.array(r.body())
          .forEach(v -> seen.add(v.asJsonObject().getJsonNumber("id").longValue()));
      String link = r.headers().firstValue("Link").orElse("");
      if (pages > 0) {
        assertTrue(link.contains("rel=\"prev\"") && link.contains("rel=\"first\""), link);
      }
      next = rel(link, "next");
      if (next != null) {
        assertTrue(next.startsWith(client.base.toString()) && next.contains("status=5"), next);
      }
      pages++;
    }
    assertEquals(2, pages);
    assertEquals(completed, seen);

    HttpResponse<String> all = client.send(client.asSuper("api/v3/casefiles").GET().build());
    assertEquals(5, SandboxClient.array(all.body()).size());
    assertEquals(
        400, client.send(client.asSuper("api/v3/casefiles?status=x").GET().build()).statusCode());
  }

  static String rel(String link, String rel) {
    Matcher m = Pattern.compile("<([^>]+)>;\\s*rel=\"" + rel + "\"").matcher(link);
    return m.find() ? m.group(1) : null;
  }

  @Test
  void idsNeverRepeatAfterAReset() throws Exception {
    JsonObject first = client.createCaseFile("{\"signers\":1}");
    client.reset();
    JsonObject second = client.createCaseFile("{\"signers\":1}");
    List<Long> a = ids(first);
    List<Long> b = ids(second);
    assertTrue(b.stream().noneMatch(a::contains), a + " vs " + b);
  }

  static List<Long> ids(JsonObject created) {
    List<Long> ids = new ArrayList<>();
    ids.add(created.getJsonNumber("id").longValue());
    created.getJsonArray("documentIds").forEach(v -> ids.add(Long.parseLong(v.toString())));
    created.getJsonArray("signerIds").forEach(v -> ids.add(Long.parseLong(v.toString())));
    return Arrays.asList(ids.toArray(Long[]::new));
  }
}
