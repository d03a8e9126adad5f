package org.penneosandbox.api;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.penneosandbox.Sandbox;
import org.penneosandbox.auth.Authenticator;
import org.penneosandbox.json.ApiException;
import org.penneosandbox.json.JsonBodies;

/** Penneo's OAuth server, {@code api_keys} grant only: {@code POST /oauth/token}. */
@Path("oauth/token")
public class OAuthResource {

  @Inject Sandbox sandbox;

  /** JSON as Penneo's collections send it; form fields accepted too, as OAuth clients do. */
  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public String token(@HeaderParam("Content-Type") String contentType, InputStream body) {
    byte[] bytes = JsonBodies.readBounded(body, JsonBodies.MAX_JSON_BYTES);
    String text = new String(bytes, StandardCharsets.UTF_8);
    JsonObject request =
        contentType != null && contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED)
            ? form(text)
            : JsonBodies.parseObject(text);
    Authenticator.IssuedToken token;
    try {
      token = sandbox.authenticator().grantApiKeys(request, Instant.now());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    return Json.createObjectBuilder()
        .add("access_token", token.token())
        .add("token_type", "Bearer")
        .add("expires_in", token.expiresIn())
        .build()
        .toString();
  }

  private static JsonObject form(String text) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String[] kv = pair.split("=", 2);
      b.add(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return b.build();
  }
}
