package org.penneoarchive.it.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.penneoarchive.it.support.Deployments;

/**
 * Each of Penneo's authentication schemes, accepted with the right credentials, refused without.
 */
@ExtendWith(ArquillianExtension.class)
class SandboxAuthIT {

  @Deployment(testable = false)
  static WebArchive sandbox() {
    return Deployments.sandbox();
  }

  final SandboxClient client = new SandboxClient();

  @BeforeEach
  void reset() throws Exception {
    client.reset();
  }

  int status(HttpRequest.Builder b) throws Exception {
    return client.send(b.GET().build()).statusCode();
  }

  @Test
  void wsseIsAcceptedWithTheRightSecretAndRefusedOtherwise() throws Exception {
    assertEquals(200, status(client.asSuper("api/v3/casefiles")));
    assertEquals(200, status(client.asUser("api/v3/casefiles")));
    assertEquals(
        401, status(client.wsse(client.request("api/v3/casefiles"), "super-key", "wrong")));
    assertEquals(
        401, status(client.wsse(client.request("api/v3/casefiles"), "nobody", "super-secret")));
    assertEquals(401, status(client.request("api/v3/casefiles")));
  }

  @Test
  void wsseRefusesAReusedNonceAndAStaleCreatedTime() throws Exception {
    byte[] nonce = "nonce-used-once".getBytes(StandardCharsets.UTF_8);
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    assertEquals(
        200,
        status(
            SandboxClient.wsse(
                client.request("api/v3/casefiles"), "user-key", "user-secret", nonce, now)));
    assertEquals(
        401,
        status(
            SandboxClient.wsse(
                client.request("api/v3/casefiles"), "user-key", "user-secret", nonce, now)));
    String stale = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS).toString();
    assertEquals(
        401,
        status(
            SandboxClient.wsse(
                client.request("api/v3/casefiles"),
                "user-key",
                "user-secret",
                "another-nonce".getBytes(StandardCharsets.UTF_8),
                stale)));
  }

  @Test
  void oauthApiKeysGrantIssuesTokensForBearerAndXAuthToken() throws Exception {
    String token = client.accessToken(SandboxClient.USER_KEY, SandboxClient.USER_SECRET);
    assertEquals(
        200, status(client.request("api/v3/casefiles").header("Authorization", "Bearer " + token)));
    assertEquals(200, status(client.request("api/v3/casefiles").header("X-Auth-Token", token)));
    assertEquals(
        401,
        status(client.request("api/v3/casefiles").header("Authorization", "Bearer not-a-token")));
  }

  @Test
  void oauthRefusesAWrongClientSecretOrApiSecret() throws Exception {
    for (String body :
        new String[] {
          client.grantBody("wrong-client-secret", "user-key", "user-secret"),
          client.grantBody("sandbox-client-secret", "user-key", "wrong-secret")
        }) {
      HttpResponse<String> r =
          client.send(
              client
                  .request("oauth/token")
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build());
      assertEquals(401, r.statusCode(), r.body());
    }
  }

  @Test
  void bearerTokensExpire() throws Exception {
    // A token lifetime of 0 s: the token is expired the moment it is issued.
    client.control("PUT", "settings", "{\"tokenTtlSeconds\":0}");
    String token = client.accessToken(SandboxClient.USER_KEY, SandboxClient.USER_SECRET);
    assertEquals(
        401, status(client.request("api/v3/casefiles").header("Authorization", "Bearer " + token)));
  }

  @Test
  void jwtFromTheControlApiIsAcceptedAndATamperedOneRefused() throws Exception {
    String jwt =
        SandboxClient.object(client.control("POST", "jwt", "{\"key\":\"super-key\"}"))
            .getString("token");
    assertEquals(200, status(client.request("api/v3/casefiles").header("x-auth-token", jwt)));
    String[] parts = jwt.split("\\.");
    String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
    assertEquals(401, status(client.request("api/v3/casefiles").header("x-auth-token", tampered)));
  }

  @Test
  void aNormalUserSeesOnlyItsOwnCaseFilesTheSuperUserAll() throws Exception {
    long mine =
        client.createCaseFile("{\"owner\":\"user\",\"signers\":1}").getJsonNumber("id").longValue();
    long other =
        client
            .createCaseFile("{\"owner\":\"super\",\"signers\":1}")
            .getJsonNumber("id")
            .longValue();
    assertEquals(200, status(client.asUser("api/v3/casefiles/" + mine)));
    assertEquals(403, status(client.asUser("api/v3/casefiles/" + other)));
    assertEquals(200, status(client.asSuper("api/v3/casefiles/" + other)));
    String userList = client.send(client.asUser("api/v3/casefiles").GET().build()).body();
    assertTrue(
        userList.contains("\"id\":" + mine) && !userList.contains("\"id\":" + other), userList);
  }
}
