package org.penneoarchive.domain.webhook;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Penneo's page warns that "localhost won't work": Penneo must reach the endpoint from the
 * internet. When the configured Penneo is the real one, subscribing with a public URL that is
 * local, private or plain HTTP is refused with a reason, instead of a subscription that silently
 * never hears anything. A sandbox or test Penneo on a private address may use any URL.
 */
public final class PublicEndpointPolicy {

  private PublicEndpointPolicy() {}

  /** Why subscribing would not work, or empty when it may. */
  public static Optional<String> refusal(URI penneoApi, URI publicUrl) {
    if (!isRealPenneo(penneoApi)) {
      return Optional.empty();
    }
    String host = publicUrl.getHost() == null ? "" : publicUrl.getHost().toLowerCase(Locale.ROOT);
    if (isLocalOrPrivate(host)) {
      return Optional.of(
          "app.public-url ("
              + publicUrl
              + ") is a local or private address: Penneo at "
              + penneoApi.getHost()
              + " cannot reach it. Set app.public-url to the address Penneo reaches from the"
              + " internet");
    }
    if (!"https".equalsIgnoreCase(publicUrl.getScheme())) {
      return Optional.of(
          "app.public-url ("
              + publicUrl
              + ") is not HTTPS: Penneo's notifications must not travel"
              + " in clear text. Put the endpoint behind HTTPS");
    }
    return Optional.empty();
  }

  static boolean isRealPenneo(URI api) {
    String host = api.getHost() == null ? "" : api.getHost().toLowerCase(Locale.ROOT);
    return host.equals("penneo.com")
        || host.endsWith(".penneo.com")
        || host.equals("penneo.cloud")
        || host.endsWith(".penneo.cloud");
  }

  static boolean isLocalOrPrivate(String host) {
    if (host.isEmpty()
        || host.equals("localhost")
        || host.endsWith(".localhost")
        || host.endsWith(".local")
        || host.equals("[::1]")
        || host.equals("::1")) {
      return true;
    }
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.startsWith("fc") || h.startsWith("fd") || h.startsWith("fe80:")) {
      return h.contains(":");
    }
    String[] parts = h.split("\\.");
    if (parts.length != 4) {
      return false;
    }
    int[] o = new int[4];
    for (int i = 0; i < 4; i++) {
      try {
        o[i] = Integer.parseInt(parts[i]);
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return o[0] == 127
        || o[0] == 10
        || o[0] == 0
        || (o[0] == 172 && o[1] >= 16 && o[1] <= 31)
        || (o[0] == 192 && o[1] == 168)
        || (o[0] == 169 && o[1] == 254)
        || (o[0] == 100 && o[1] >= 64 && o[1] <= 127);
  }
}
