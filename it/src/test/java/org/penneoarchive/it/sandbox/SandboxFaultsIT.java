package org.penneoarchive.it.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.penneoarchive.it.support.Deployments;

/** Each fault of {@code PUT control/faults}, as a client meets it. */
@ExtendWith(ArquillianExtension.class)
class SandboxFaultsIT {

  @Deployment(testable = false)
  static WebArchive sandbox() {
    return Deployments.sandbox();
  }

  final SandboxClient client = new SandboxClient();
  long caseFileId;
  long documentId;

  @BeforeEach
  void setUp() throws Exception {
    client.reset();
    var created = client.createCaseFile("{\"signers\":1,\"documents\":[40000]}");
    caseFileId = created.getJsonNumber("id").longValue();
    documentId = created.getJsonArray("documentIds").getJsonNumber(0).longValue();
  }

  void faults(String json) throws Exception {
    client.control("PUT", "faults", json);
  }

  HttpResponse<String> get(String path) throws Exception {
    return client.send(client.asSuper(path).GET().build());
  }

  byte[] pdf() throws Exception {
    HttpResponse<byte[]> r =
        client.sendBytes(
            client
                .asSuper("api/v3/documents/" + documentId + "/content")
                .header("Accept", "application/pdf")
                .GET()
                .build());
    assertEquals(200, r.statusCode());
    return r.body();
  }

  @Test
  void errorStatusOnTheChosenPathsOnly() throws Exception {
    faults("{\"api\":{\"status\":503,\"rate\":1.0,\"paths\":[\"/api/v3/casefiles\"]}}");
    assertEquals(503, get("api/v3/casefiles").statusCode());
    assertEquals(200, get("api/v3/documents/" + documentId).statusCode());
    assertEquals(200, client.send(client.request("control/faults").GET().build()).statusCode());
    faults("{}");
    assertEquals(200, get("api/v3/casefiles").statusCode());
  }

  @Test
  void tooManyRequestsCarriesRetryAfter() throws Exception {
    faults("{\"api\":{\"status\":429,\"rate\":1.0,\"retryAfter\":7}}");
    HttpResponse<String> r = get("api/v3/casefiles");
    assertEquals(429, r.statusCode());
    assertEquals("7", r.headers().firstValue("Retry-After").orElse(""));
  }

  @Test
  void slowAnswersStillAnswer() throws Exception {
    faults("{\"delayMs\":400}");
    long start = System.nanoTime();
    assertEquals(200, get("api/v3/casefiles/" + caseFileId).statusCode());
    assertTrue((System.nanoTime() - start) / 1_000_000 >= 400, "the answer waited for the delay");
  }

  @Test
  void connectionsAreDroppedWithoutAnAnswer() throws Exception {
    faults("{\"reset\":{\"rate\":1.0,\"paths\":[\"/api/v3/documents\"]}}");
    assertThrows(IOException.class, () -> get("api/v3/documents/" + documentId));
    assertEquals(200, get("api/v3/casefiles/" + caseFileId).statusCode());
  }

  @Test
  void truncatedAndCorruptPdfs() throws Exception {
    byte[] good = pdf();
    faults("{\"pdf\":\"truncated\"}");
    byte[] truncated = pdf();
    assertEquals(good.length / 2, truncated.length);
    assertTrue(Arrays.equals(good, 0, truncated.length, truncated, 0, truncated.length));
    faults("{\"pdf\":\"corrupt\"}");
    byte[] corrupt = pdf();
    assertEquals(good.length, corrupt.length);
    assertFalse(Arrays.equals(good, corrupt));
    faults("{\"pdf\":null}");
    assertTrue(Arrays.equals(good, pdf()));
  }

  @Test
  void completedBeforeTheDocumentsAreReady() throws Exception {
    faults("{\"notReady\":{\"mode\":\"404\",\"ms\":600000}}");
    client.control("POST", "casefiles/" + caseFileId + "/play", "{\"to\":\"completed\"}");
    assertTrue(get("api/v3/casefiles/" + caseFileId).body().contains("\"status\":5"));
    assertEquals(404, get("api/v3/documents/" + documentId + "/content").statusCode());
    assertEquals(404, get("api/v3/documents/" + documentId + "/pdf").statusCode());

    faults("{\"notReady\":{\"mode\":\"status4\",\"ms\":600000}}");
    assertTrue(get("api/v3/casefiles/" + caseFileId).body().contains("\"status\":4"));
    assertEquals(409, get("api/v3/documents/" + documentId + "/content").statusCode());
    assertEquals("[]", get("api/v3/casefiles?status=5").body());

    faults("{}");
    assertEquals(200, get("api/v3/documents/" + documentId + "/content").statusCode());
  }

  @Test
  void invalidFaultSettingsAreRefused() throws Exception {
    for (String bad :
        new String[] {
          "{\"api\":{\"status\":404}}",
          "{\"api\":{\"rate\":2}}",
          "{\"pdf\":\"shredded\"}",
          "[1]",
          "{\"delayMs\":-1}"
        }) {
      HttpResponse<String> r =
          client.send(
              client
                  .request("control/faults")
                  .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(bad))
                  .build());
      assertEquals(400, r.statusCode(), bad + " -> " + r.body());
    }
  }
}
