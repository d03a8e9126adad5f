package org.penneoarchive.application.intake;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.penneoarchive.application.subscription.EndpointKeys;
import org.penneoarchive.domain.event.BoundedJson;
import org.penneoarchive.domain.event.InvalidJsonException;
import org.penneoarchive.domain.event.WebhookBodies;
import org.penneoarchive.domain.event.WebhookBody;
import org.penneoarchive.domain.webhook.WebhookSignatureVerifier;
import org.penneoarchive.model.RejectedDelivery;
import org.penneoarchive.model.WebhookService;

/**
 * The receiving half of intake, kept fast: it checks only what it must (key, size, UTF-8, a JSON
 * object within the depth limit, the signature of the current service) and puts the call on the
 * queue. The caller answers 200 only when this method returned normally, i.e. after the broker made
 * the message durable (see {@link IntakeRecorder#enqueue}). It runs outside any JTA transaction:
 * the accepted path touches one resource with one blocking call, and every refusal is recorded in a
 * database transaction of its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookIntakeService {

  private static final Logger LOG = Logger.getLogger(WebhookIntakeService.class.getName());
  private static final String FORM = "application/x-www-form-urlencoded";

  @Inject EndpointDirectory endpoints;
  @Inject IntakeRecorder recorder;

  @Inject
  @ConfigProperty(name = "webhook.max-json-depth", defaultValue = "64")
  int maxDepth;

  @Inject
  @ConfigProperty(name = "penneo.signature.tolerance", defaultValue = "300")
  long signatureToleranceSeconds;

  private final Clock clock = Clock.systemUTC();

  public IntakeResult receive(WebhookCall call) {
    Instant now = clock.instant();
    if (!EndpointKeys.isWellFormed(call.endpointKey())) {
      return refuse(call, now, 404, "unknown endpoint", "no subscription has this key");
    }
    Optional<EndpointRoute> found = endpoints.route(call.endpointKey());
    if (found.isEmpty() || !found.get().accepts(call.endpointKey(), now)) {
      return refuse(call, now, 404, "unknown endpoint", "no subscription has this key");
    }
    EndpointRoute route = found.get();
    if (call.bodyOverLimit()) {
      return refuse(call, now, 413, "body too large", "the limit is 64 KiB");
    }
    String body;
    try {
      body = stripBom(decodeUtf8(call.body()));
    } catch (CharacterCodingException e) {
      return refuse(call, now, 400, "not JSON", "the body is not valid UTF-8");
    }
    String queryToken = WebhookBodies.confirmationToken(call.queryParameters()).orElse(null);
    JsonObject json;
    try {
      json = parseBody(body, call.contentType(), queryToken);
    } catch (RefusedBodyException e) {
      return refuse(call, now, 400, "not a JSON object", e.getMessage());
    }
    if (route.service() == WebhookService.CURRENT) {
      List<byte[]> secrets = route.secretsAt(now);
      var verifier =
          new WebhookSignatureVerifier(Duration.ofSeconds(signatureToleranceSeconds), clock);
      var verification = verifier.verify(call.xEventSignature(), call.body(), secrets);
      if (!verification.isValid()) {
        return refuse(call, now, 401, "bad signature", verification.reason());
      }
    }
    String intakeId = IntakeIds.next();
    recorder.enqueue(
        new NotificationEnvelope(
            intakeId,
            route.subscriptionId(),
            now,
            cut(call.contentType(), 200),
            cut(call.xEventType(), 200),
            cut(call.xEventId(), 200),
            body,
            queryToken),
        orderingKey(json, call.xEventType(), route.subscriptionId()));
    return IntakeResult.accepted(intakeId);
  }

  /**
   * Records a call that was valid but could not be enqueued (the broker refused, or the commit).
   */
  public void recordUnavailable(WebhookCall call, String reason) {
    refuse(call, clock.instant(), 503, "cannot enqueue", reason);
  }

  /**
   * The body as a JSON object, or null for a confirmation token sent as form fields or query
   * parameters; a body that is neither is refused.
   */
  private JsonObject parseBody(String body, String contentType, String queryToken)
      throws RefusedBodyException {
    if (body.isBlank() && queryToken != null) {
      return null;
    }
    boolean form = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(FORM);
    if (form && !body.stripLeading().startsWith("{")) {
      // Penneo's confirmation token may come as form fields.
      try {
        if (WebhookBodies.confirmationToken(BoundedJson.parseForm(body)).isPresent()) {
          return null;
        }
      } catch (RuntimeException e) {
        throw new RefusedBodyException("an unreadable form body: " + e.getMessage());
      }
      throw new RefusedBodyException("a form body without a confirmation token");
    }
    try {
      return BoundedJson.parseObject(body, maxDepth);
    } catch (InvalidJsonException e) {
      throw new RefusedBodyException(e.getMessage());
    }
  }

  /** Notifications of one case file (or signer, while its case file is unknown) queue in order. */
  private static String orderingKey(JsonObject json, String xEventType, long subscriptionId) {
    if (json != null
        && WebhookBodies.classify(json, xEventType) instanceof WebhookBody.Notification n) {
      return n.event().caseFileId() != null
          ? "casefile-" + n.event().caseFileId()
          : "signer-" + n.event().subjectId();
    }
    return "subscription-" + subscriptionId;
  }

  private static final class RefusedBodyException extends Exception {
    private static final long serialVersionUID = 1L;

    RefusedBodyException(String reason) {
      super(reason);
    }
  }

  private IntakeResult refuse(WebhookCall call, Instant now, int status, String error, String why) {
    byte[] body = call.body() == null ? new byte[0] : call.body();
    String excerpt =
        new String(
            body, 0, Math.min(body.length, RejectedDelivery.EXCERPT_CHARS), StandardCharsets.UTF_8);
    recorder.refused(
        new RejectedDelivery(
            now,
            call.endpointKey(),
            status,
            error + ": " + why,
            call.contentType(),
            call.bodyOverLimit() ? -1 : body.length,
            excerpt));
    LOG.fine(() -> "Refused webhook call (" + status + " " + error + "): " + why);
    return IntakeResult.refused(status, error, why);
  }

  static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
