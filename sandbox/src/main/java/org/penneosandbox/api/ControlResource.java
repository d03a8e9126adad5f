package org.penneosandbox.api;

import static org.penneosandbox.json.JsonBodies.bool;
import static org.penneosandbox.json.JsonBodies.fraction;
import static org.penneosandbox.json.JsonBodies.longValue;
import static org.penneosandbox.json.JsonBodies.optArray;
import static org.penneosandbox.json.JsonBodies.optLong;
import static org.penneosandbox.json.JsonBodies.optString;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.penneosandbox.Sandbox;
import org.penneosandbox.casefile.CaseFile;
import org.penneosandbox.casefile.CaseFileService;
import org.penneosandbox.casefile.Document;
import org.penneosandbox.casefile.Signer;
import org.penneosandbox.config.Account;
import org.penneosandbox.faults.FaultSettings;
import org.penneosandbox.json.ApiException;
import org.penneosandbox.json.JsonBodies;
import org.penneosandbox.lifecycle.LifecycleService;
import org.penneosandbox.webhook.DeliveryLog;
import org.penneosandbox.webhook.DeliverySettings;
import org.penneosandbox.webhook.EventTime;
import org.penneosandbox.webhook.LifecycleEvent;

/** The control API (no auth: demo and tests only). See docs/sandbox.md for every call and shape. */
@Path("control")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class ControlResource {

  private static final List<String> NAMES =
      List.of(
          "Anna Berg",
          "Bo Ølgaard",
          "Clara Sand",
          "Davide Rossi",
          "Emma Lund",
          "Frederik Holm",
          "Greta Nielsen",
          "Hans Kirk",
          "Ida Krogh",
          "Jonas Friis");

  @Inject Sandbox sandbox;

  @POST
  @Path("reset")
  public Response reset() {
    sandbox.reset();
    return Response.noContent().build();
  }

  /**
   * {@code {"title":…, "signers":2 | ["name", …] | [{"name","email"}], "documents":[120000,
   * {"title":…,"size":…}], "owner":"super"|"user"}} → {@code {"id", "documentIds", "signerIds"}}.
   */
  @POST
  @Path("casefiles")
  public Response createCaseFile(InputStream body) {
    JsonObject o = JsonBodies.readObject(body);
    String title = optString(o, "title").orElse("Sandbox case file");
    String owner = optString(o, "owner").orElse("user");
    Account account =
        sandbox
            .config()
            .accountByName(owner)
            .orElseThrow(() -> ApiException.badRequest("owner must be super or user"));
    CaseFile cf = sandbox.caseFiles().create(title, account, signers(o), documents(o, title));
    JsonArrayBuilder docs = Json.createArrayBuilder();
    cf.documents().forEach(d -> docs.add(d.id()));
    JsonArrayBuilder signers = Json.createArrayBuilder();
    cf.signers().forEach(s -> signers.add(s.id()));
    return Response.status(201)
        .entity(
            Json.createObjectBuilder()
                .add("id", cf.id())
                .add("documentIds", docs)
                .add("signerIds", signers)
                .build()
                .toString())
        .build();
  }

  private static List<CaseFileService.NewSigner> signers(JsonObject o) {
    List<CaseFileService.NewSigner> out = new ArrayList<>();
    JsonValue v = o.getOrDefault("signers", Json.createValue(2));
    if (v instanceof JsonNumber n) {
      long count = longValue(o, "signers", 1, CaseFileService.MAX_SIGNERS, 2);
      for (int i = 0; i < count; i++) {
        String name = NAMES.get(i % NAMES.size()) + (i >= NAMES.size() ? " " + (i + 1) : "");
        out.add(new CaseFileService.NewSigner(name, "signer" + (i + 1) + "@example.com"));
      }
      return out;
    }
    for (JsonValue s : optArray(o, "signers", CaseFileService.MAX_SIGNERS).orElseThrow()) {
      if (s instanceof JsonString name && !name.getString().isBlank()) {
        out.add(
            new CaseFileService.NewSigner(
                cut(name.getString()), "signer" + (out.size() + 1) + "@example.com"));
      } else if (s.getValueType() == JsonValue.ValueType.OBJECT) {
        JsonObject so = s.asJsonObject();
        out.add(
            new CaseFileService.NewSigner(
                JsonBodies.string(so, "name", 200),
                optString(so, "email").orElse("signer" + (out.size() + 1) + "@example.com")));
      } else {
        throw ApiException.badRequest("signers: a number, names, or {name, email} objects");
      }
    }
    return out;
  }

  private static List<CaseFileService.NewDocument> documents(JsonObject o, String title) {
    List<CaseFileService.NewDocument> out = new ArrayList<>();
    var docs = optArray(o, "documents", CaseFileService.MAX_DOCUMENTS);
    if (docs.isEmpty()) {
      return List.of(new CaseFileService.NewDocument(title, 50_000, null));
    }
    for (JsonValue d : docs.get()) {
      int n = out.size() + 1;
      if (d instanceof JsonNumber size && size.isIntegral()) {
        out.add(
            new CaseFileService.NewDocument(title + " - document " + n, size.longValue(), null));
      } else if (d.getValueType() == JsonValue.ValueType.OBJECT) {
        JsonObject doc = d.asJsonObject();
        out.add(
            new CaseFileService.NewDocument(
                optString(doc, "title")
                    .map(ControlResource::cut)
                    .orElse(title + " - document " + n),
                optLong(doc, "size", 0, Long.MAX_VALUE).orElse(50_000L),
                null));
      } else {
        throw ApiException.badRequest("documents: sizes in bytes or {title, size} objects");
      }
    }
    return out;
  }

  private static String cut(String s) {
    return s.length() > 200 ? s.substring(0, 200) : s;
  }

  @GET
  @Path("casefiles")
  public String caseFiles() {
    JsonArrayBuilder a = Json.createArrayBuilder();
    sandbox.store().all().forEach(cf -> a.add(overview(cf)));
    return a.build().toString();
  }

  @GET
  @Path("casefiles/{id}")
  public String caseFile(@PathParam("id") long id) {
    return overview(
            sandbox
                .store()
                .caseFile(id)
                .orElseThrow(() -> ApiException.notFound("no case file " + id)))
        .toString();
  }

  private JsonObject overview(CaseFile cf) {
    JsonArrayBuilder signers = Json.createArrayBuilder();
    for (Signer s : cf.signers()) {
      signers.add(
          Json.createObjectBuilder()
              .add("id", s.id())
              .add("name", s.name())
              .add("status", s.status()));
    }
    JsonArrayBuilder docs = Json.createArrayBuilder();
    for (Document d : cf.documents()) {
      docs.add(
          Json.createObjectBuilder()
              .add("id", d.id())
              .add("title", d.title())
              .add("size", d.size())
              .add("pages", d.pages()));
    }
    var b =
        Json.createObjectBuilder()
            .add("id", cf.id())
            .add("title", cf.title())
            .add("status", cf.status())
            .add(
                "owner",
                sandbox.config().accountByUserId(cf.ownerUserId()).map(Account::name).orElse("?"))
            .add("signers", signers)
            .add("documents", docs);
    LifecycleService.Progress p = sandbox.lifecycle().progress(cf.id());
    if (p != null) {
      b.add("playedTo", p.to()).add("step", p.done()).add("steps", p.total());
    }
    return b.build();
  }

  /** Deleting at Penneo: signers get "deleted", the case file leaves the API. */
  @DELETE
  @Path("casefiles/{id}")
  public Response deleteCaseFile(@PathParam("id") long id) {
    sandbox.lifecycle().delete(id);
    return Response.noContent().build();
  }

  /**
   * {@code {"to":"completed"|"rejected"|"expired"|"failed", "repeat":1, "shuffle":false,
   * "drop":0.0, "intervalMs":0, "rounds":1}}.
   */
  @POST
  @Path("casefiles/{id}/play")
  public String play(@PathParam("id") long id, InputStream body) {
    JsonObject o = JsonBodies.readObject(body);
    LifecycleService.Progress p =
        sandbox
            .lifecycle()
            .play(
                id,
                optString(o, "to").orElse(null),
                (int) longValue(o, "rounds", 1, 5, 1),
                longValue(o, "intervalMs", 0, 60_000, 0),
                delivery(o));
    return progress(p).toString();
  }

  /** {@code {"to":…, "steps":1, "rounds":1}}: the next steps of the plan, delivered at once. */
  @POST
  @Path("casefiles/{id}/advance")
  public String advance(@PathParam("id") long id, InputStream body) {
    JsonObject o = JsonBodies.readObject(body);
    LifecycleService.Progress p =
        sandbox
            .lifecycle()
            .advance(
                id,
                optString(o, "to").orElse(null),
                (int) longValue(o, "rounds", 1, 5, 1),
                (int) longValue(o, "steps", 1, 1000, 1),
                delivery(o));
    return progress(p).toString();
  }

  private LifecycleService.DeliveryOptions delivery(JsonObject o) {
    DeliverySettings d = sandbox.dispatcher().settings();
    return new LifecycleService.DeliveryOptions(
        (int) longValue(o, "repeat", 1, 10, d.repeat()),
        bool(o, "shuffle", d.shuffle()),
        fraction(o, "drop", d.drop()));
  }

  private static JsonObject progress(LifecycleService.Progress p) {
    JsonArrayBuilder executed = Json.createArrayBuilder();
    p.executed().forEach(executed::add);
    return Json.createObjectBuilder()
        .add("to", p.to())
        .add("step", p.done())
        .add("steps", p.total())
        .add("executed", executed)
        .build();
  }

  /**
   * {@code {"topic":"casefile"|"signer", "eventType":…, "signerId":…, "status":…}}: one event as
   * given, state unchanged; {@code status} overrides the payload's.
   */
  @POST
  @Path("casefiles/{id}/events")
  public String emit(@PathParam("id") long id, InputStream body) {
    JsonObject o = JsonBodies.readObject(body);
    LifecycleEvent e =
        sandbox
            .lifecycle()
            .emit(
                id,
                JsonBodies.string(o, "topic", 32),
                JsonBodies.string(o, "eventType", 64),
                optLong(o, "signerId", 0, Long.MAX_VALUE).orElse(null),
                optLong(o, "status", 0, 99).map(Long::intValue).orElse(null));
    return Json.createObjectBuilder()
        .add("eventId", e.eventId())
        .add("eventTime", EventTime.render(e.time(), e.timeStyle()))
        .build()
        .toString();
  }

  @GET
  @Path("faults")
  public String faults() {
    return sandbox.faults().settings().toJson().toString();
  }

  @PUT
  @Path("faults")
  public String setFaults(InputStream body) {
    FaultSettings f = FaultSettings.fromJson(JsonBodies.readObject(body));
    sandbox.faults().settings(f);
    return f.toJson().toString();
  }

  @GET
  @Path("delivery")
  public String delivery() {
    return sandbox.dispatcher().settings().toJson().toString();
  }

  @PUT
  @Path("delivery")
  public String setDelivery(InputStream body) {
    DeliverySettings d = DeliverySettings.fromJson(JsonBodies.readObject(body));
    sandbox.dispatcher().settings(d);
    return d.toJson().toString();
  }

  /** {@code ?after=seq}: only entries newer than that sequence number. */
  @GET
  @Path("deliveries")
  public String deliveries(@QueryParam("after") long after) {
    List<DeliveryLog.Entry> entries = sandbox.dispatcher().log().since(after);
    return DeliveryLog.toJson(entries).build().toString();
  }

  @GET
  @Path("subscriptions")
  public String subscriptions() {
    JsonArrayBuilder legacy = Json.createArrayBuilder();
    sandbox
        .subscriptions()
        .allLegacy()
        .forEach(s -> legacy.add(Json.createObjectBuilder(s.toJson()).add("token", s.token())));
    JsonArrayBuilder current = Json.createArrayBuilder();
    sandbox.subscriptions().allCurrent().forEach(s -> current.add(s.toJson()));
    return Json.createObjectBuilder()
        .add("legacy", legacy)
        .add("current", current)
        .add("demoStarted", sandbox.demo().started())
        .build()
        .toString();
  }

  @GET
  @Path("settings")
  public String settings() {
    return Json.createObjectBuilder()
        .add("tokenTtlSeconds", sandbox.authenticator().tokenTtl().toSeconds())
        .add("wsseToleranceSeconds", sandbox.authenticator().tolerance().toSeconds())
        .add("maxActiveSubscriptions", sandbox.subscriptions().maxActive())
        .add("jobDelayMs", sandbox.jobDelayMs())
        .build()
        .toString();
  }

  /** Changes only the settings given. */
  @PUT
  @Path("settings")
  public String setSettings(InputStream body) {
    JsonObject o = JsonBodies.readObject(body);
    optLong(o, "tokenTtlSeconds", 0, 86_400)
        .ifPresent(s -> sandbox.authenticator().setTokenTtl(Duration.ofSeconds(s)));
    optLong(o, "wsseToleranceSeconds", 0, 86_400)
        .ifPresent(s -> sandbox.authenticator().setTolerance(Duration.ofSeconds(s)));
    optLong(o, "maxActiveSubscriptions", 0, 10_000)
        .ifPresent(n -> sandbox.subscriptions().maxActive(n.intValue()));
    optLong(o, "jobDelayMs", 0, 600_000).ifPresent(sandbox::jobDelayMs);
    return settings();
  }

  /** {@code {"key":"super-key", "ttlSeconds":3600}} → {@code {"token":…}} for x-auth-token. */
  @POST
  @Path("jwt")
  public String jwt(InputStream body) {
    JsonObject o = JsonBodies.readObject(body);
    String key = JsonBodies.string(o, "key", 200);
    Account account =
        sandbox
            .config()
            .accountByKey(key)
            .orElseThrow(() -> ApiException.badRequest("unknown API key " + key));
    long ttl = longValue(o, "ttlSeconds", 0, 30L * 86_400, 86_400);
    String token =
        sandbox.authenticator().issueJwt(account, Instant.now(), Duration.ofSeconds(ttl));
    return Json.createObjectBuilder().add("token", token).add("expiresIn", ttl).build().toString();
  }

  @GET
  @Path("ca.pem")
  @Produces("application/x-pem-file")
  public String caPem() {
    return sandbox.ca().caPem();
  }
}
