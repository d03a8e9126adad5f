package org.penneoarchive.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicEndpointPolicyTest {

  static final URI REAL = URI.create("https://app.penneo.com/api/v3");
  static final URI SANDBOX = URI.create("http://localhost:8080/penneo-sandbox/api/v3");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:8080/penneo-archive",
        "https://localhost/penneo-archive",
        "https://127.0.0.1/x",
        "https://10.1.2.3/x",
        "https://172.20.0.5/x",
        "https://192.168.1.10/x",
        "https://169.254.1.1/x",
        "https://[::1]/x",
        "https://[fd12:3456::1]/x",
        "https://archive.local/x"
      })
  void refusesLocalAndPrivateAddressesForTheRealPenneo(String url) {
    var refusal = PublicEndpointPolicy.refusal(REAL, URI.create(url));
    assertTrue(refusal.isPresent(), url);
    assertTrue(refusal.get().contains("local or private"), refusal.get());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://records.example.org/penneo-archive", "http://203.0.113.7/x"})
  void refusesPlainHttpForTheRealPenneo(String url) {
    var refusal = PublicEndpointPolicy.refusal(REAL, URI.create(url));
    assertTrue(refusal.isPresent());
    assertTrue(refusal.get().contains("not HTTPS"), refusal.get());
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://records.example.org/penneo-archive", "https://203.0.113.7/x"})
  void acceptsAPublicHttpsAddress(String url) {
    assertEquals(java.util.Optional.empty(), PublicEndpointPolicy.refusal(REAL, URI.create(url)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://sandbox.oauth.penneo.cloud/api/v3",
        "https://penneo.com/api/v3",
        "https://sandbox.penneo.com/api/v3"
      })
  void knowsPenneosHosts(String api) {
    assertTrue(
        PublicEndpointPolicy.refusal(URI.create(api), URI.create("http://localhost/x"))
            .isPresent());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8080/x", "http://10.0.0.1/x"})
  void anyAddressWorksWithASandbox(String url) {
    assertTrue(PublicEndpointPolicy.refusal(SANDBOX, URI.create(url)).isEmpty());
    assertTrue(
        PublicEndpointPolicy.refusal(URI.create("https://notpenneo.com/api/v3"), URI.create(url))
            .isEmpty());
  }
}
