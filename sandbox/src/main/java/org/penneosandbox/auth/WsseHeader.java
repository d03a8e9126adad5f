package org.penneosandbox.auth;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code X-WSSE} header: {@code UsernameToken Username="…", PasswordDigest="…", Nonce="…",
 * Created="…"}.
 */
public record WsseHeader(String username, String passwordDigest, String nonce, String created) {

  private static final Pattern FIELD = Pattern.compile("(\\w+)\\s*=\\s*\"([^\"]*)\"");

  public static WsseHeader parse(String header) {
    String h = header.trim();
    if (!h.startsWith("UsernameToken")) {
      throw new AuthenticationFailed("X-WSSE must start with UsernameToken");
    }
    Map<String, String> fields = new HashMap<>();
    Matcher m = FIELD.matcher(h);
    while (m.find()) {
      fields.put(m.group(1), m.group(2));
    }
    for (String name : new String[] {"Username", "PasswordDigest", "Nonce", "Created"}) {
      if (!fields.containsKey(name) || fields.get(name).isEmpty()) {
        throw new AuthenticationFailed("X-WSSE lacks " + name);
      }
    }
    return new WsseHeader(
        fields.get("Username"),
        fields.get("PasswordDigest"),
        fields.get("Nonce"),
        fields.get("Created"));
  }
}
