package org.penneoarchive.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookBodiesTest {

  private static final String TIME =
      "{\"date\":\"2025-02-19 13:01:55.517791\",\"timezone_type\":3,\"timezone\":\"UTC\"}";
  private static final Instant T = Instant.parse("2025-02-19T13:01:55.517791Z");

  private static WebhookBody classify(String json, String header) {
    return WebhookBodies.classify(BoundedJson.parseObject(json.replace('\'', '"'), 64), header);
  }

  private static WebhookBody classify(String json) {
    return classify(json, null);
  }

  private static PenneoEvent event(String json, String header) {
    WebhookBody body = classify(json, header);
    return assertInstanceOf(WebhookBody.Notification.class, body, body::toString).event();
  }

  private static PenneoEvent event(String json) {
    return event(json, null);
  }

  private static String reason(String json, String header) {
    WebhookBody body = classify(json, header);
    return assertInstanceOf(WebhookBody.NotUnderstood.class, body, body::toString).reason();
  }

  private static String reason(String json) {
    return reason(json, null);
  }

  private static String body(String topicAndType, String payload) {
    return "{"
        + topicAndType
        + ",'eventTime':"
        + TIME.replace('"', '\'')
        + ",'payload':"
        + payload
        + "}";
  }

  @Test
  void readsPenneosLegacyExample() {
    PenneoEvent e =
        event(body("'topic':'casefile','eventType':'completed'", "{'id':531,'status':5}"));
    assertEquals(Topic.CASEFILE, e.topic());
    assertEquals("completed", e.eventType());
    assertEquals(531, e.subjectId());
    assertEquals(531L, e.caseFileId());
    assertNull(e.signerId());
    assertEquals(T, e.eventTime());
    assertEquals(5, e.status());
    assertNull(e.title());
    assertEquals(531, e.payload().getInt("id"));
    assertTrue(e.isKnownType());
  }

  @Test
  void theSameEventFromBothServicesHasOneIdentity() {
    PenneoEvent legacy =
        event(body("'topic':'casefile','eventType':'completed'", "{'id':531,'status':5}"));
    PenneoEvent current = event(body("'eventType':'sign.casefile.completed'", "{'id':'531'}"));
    PenneoEvent currentWithTopic =
        event(body("'topic':'casefile','eventType':'sign.casefile.completed'", "{'id':531}"));
    PenneoEvent byHeader = event(body("'topic':'casefile'", "{'id':531}"), "completed");
    PenneoEvent byCurrentHeader =
        event(
            "{'eventTime':" + TIME.replace('"', '\'') + ",'payload':{'id':531}}",
            "sign.casefile.completed");
    assertEquals(legacy.identity(), current.identity());
    assertEquals(legacy.identity(), currentWithTopic.identity());
    assertEquals(legacy.identity(), byHeader.identity());
    assertEquals(legacy.identity(), byCurrentHeader.identity());
  }

  @Test
  void readsIdsAndStatusesAsNumbersOrNumericStrings() {
    PenneoEvent e =
        event(
            body(
                "'topic':'signer','eventType':'signed'",
                "{'id':'7001','caseFileId':'531','status':'4'}"));
    assertEquals(7001, e.subjectId());
    assertEquals(7001L, e.signerId());
    assertEquals(531L, e.caseFileId());
    assertEquals(4, e.status());
    assertEquals(
        9_007_199_254_740_993L,
        event(body("'topic':'casefile','eventType':'completed'", "{'id':9007199254740993}"))
            .subjectId());
    assertEquals(
        Long.MAX_VALUE,
        event(body("'topic':'casefile','eventType':'completed'", "{'id':'9223372036854775807'}"))
            .subjectId());
    assertEquals(
        531, event(body("'topic':'casefile','eventType':'completed'", "{'id':531.0}")).subjectId());
    assertEquals(
        0,
        event(body("'topic':'casefile','eventType':'completed'", "{'id':1,'status':0}")).status());
  }

  @Test
  void aSignerEventWithoutCaseFileIdLeavesItToBeResolved() {
    PenneoEvent e =
        event(body("'topic':'signer','eventType':'requestSent'", "{'id':7001,'caseFileId':null}"));
    assertNull(e.caseFileId());
    assertEquals(7001L, e.signerId());
  }

  @Test
  void aCasefileEventIgnoresACaseFileIdInItsPayload() {
    PenneoEvent e =
        event(body("'topic':'casefile','eventType':'completed'", "{'id':531,'caseFileId':999}"));
    assertEquals(531L, e.caseFileId());
  }

  @Test
  void keepsTheTitleOfAFullPayload() {
    assertEquals(
        "Lejekontrakt Ærø",
        event(
                body(
                    "'topic':'casefile','eventType':'completed'",
                    "{'id':531,'title':' Lejekontrakt Ærø '}"))
            .title());
    assertNull(
        event(body("'topic':'casefile','eventType':'completed'", "{'id':531,'title':42}")).title());
    assertNull(
        event(body("'topic':'casefile','eventType':'completed'", "{'id':531,'title':'  '}"))
            .title());
    String longTitle = "x".repeat(5000);
    assertEquals(
        PenneoEvent.MAX_TITLE_LENGTH,
        event(
                body(
                    "'topic':'casefile','eventType':'completed'",
                    "{'id':531,'title':'" + longTitle + "'}"))
            .title()
            .length());
  }

  @Test
  void theBodysEventTypeWinsOverTheHeader() {
    assertEquals(
        "rejected",
        event(
                body("'topic':'casefile','eventType':'rejected'", "{'id':531}"),
                "sign.casefile.completed")
            .eventType());
  }

  @Test
  void aLegacyNameWithoutTopicTakesTheTopicFromTheHeader() {
    PenneoEvent e = event(body("'eventType':'signed'", "{'id':7001}"), "sign.signer.signed");
    assertEquals(Topic.SIGNER, e.topic());
  }

  @Test
  void keepsUnknownTypesOfAKnownTopic() {
    PenneoEvent legacy = event(body("'topic':'casefile','eventType':'reopened'", "{'id':531}"));
    assertEquals("reopened", legacy.eventType());
    assertFalse(legacy.isKnownType());
    PenneoEvent current = event(body("'eventType':'sign.signer.videoIdentified'", "{'id':7001}"));
    assertEquals(Topic.SIGNER, current.topic());
    assertEquals("videoIdentified", current.eventType());
  }

  @Test
  void recognisesTestNotifications() {
    assertEquals(
        new WebhookBody.TestNotification(Topic.CASEFILE, T),
        classify(body("'topic':'casefile','eventType':'test'", "{}")));
    assertEquals(
        new WebhookBody.TestNotification(Topic.SIGNER, T),
        classify(body("'topic':'signer','eventType':'test'", "[]")));
    assertEquals(
        new WebhookBody.TestNotification(Topic.WEBHOOK, T),
        classify(body("'eventType':'webhook.subscription.test'", "{}")));
    assertEquals(
        new WebhookBody.TestNotification(Topic.WEBHOOK, null),
        classify("{'payload':{}}", "webhook.subscription.test"));
    assertEquals(
        "eventTime.timezone_type must be 1, 2 or 3, not 7.",
        reason(
            "{'topic':'casefile','eventType':'test','eventTime':{'date':'2025-02-19 13:01:55','timezone_type':7,'timezone':'UTC'}}"));
  }

  @Test
  void otherWebhookServiceEventsAreNotUnderstood() {
    assertEquals(
        "webhook-service event \"webhook.subscription.paused\" is not one the product acts on",
        reason(body("'eventType':'webhook.subscription.paused'", "{'id':1}")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{'id':0}|payload.id must be a positive whole number (JSON number or numeric string), not 0",
        "{'id':-5}|payload.id must be a positive whole number (JSON number or numeric string), not -5",
        "{'id':'abc'}|payload.id must be a positive whole number (JSON number or numeric string), not \"abc\"",
        "{'id':' 531'}|payload.id must be a positive whole number (JSON number or numeric string), not \" 531\"",
        "{'id':'-531'}|payload.id must be a positive whole number (JSON number or numeric string), not \"-531\"",
        "{'id':1.5}|payload.id must be a positive whole number (JSON number or numeric string), not 1.5",
        "{'id':1e30}|payload.id must be a positive whole number (JSON number or numeric string), not 1E+30",
        "{'id':'9223372036854775808'}|payload.id must be a positive whole number (JSON number or numeric string), not \"9223372036854775808\"",
        "{'id':true}|payload.id must be a positive whole number (JSON number or numeric string), not true",
        "{}|payload.id is missing",
        "{'id':null}|payload.id is missing",
        "{'id':531,'status':'done'}|payload.status must be a whole number from 0 (JSON number or numeric string), not \"done\"",
        "{'id':531,'status':-1}|payload.status must be a whole number from 0 (JSON number or numeric string), not -1",
        "[1]|payload is not a JSON object",
        "null|payload is missing"
      })
  void explainsPayloadsItCannotUse(String payload, String expected) {
    assertEquals(expected, reason(body("'topic':'casefile','eventType':'completed'", payload)));
  }

  @Test
  void explainsASignerCaseFileIdItCannotUse() {
    assertEquals(
        "payload.caseFileId must be a positive whole number (JSON number or numeric string), not \"x\"",
        reason(body("'topic':'signer','eventType':'signed'", "{'id':7001,'caseFileId':'x'}")));
  }

  @Test
  void explainsBodiesThatAreNotNotifications() {
    assertEquals(
        "there is no eventType in the body and no x-event-type header",
        reason("{'hello':'world'}"));
    assertEquals(
        "there is no eventType in the body and no x-event-type header",
        reason("{'topic':'casefile','payload':{'id':1}}", "   "));
    assertEquals(
        "unknown topic \"document\"",
        reason(body("'topic':'document','eventType':'signed'", "{'id':1}")));
    assertEquals(
        "topic is not a string", reason(body("'topic':1,'eventType':'completed'", "{'id':1}")));
    assertEquals(
        "eventType is not a string", reason(body("'topic':'casefile','eventType':5", "{'id':1}")));
    assertEquals(
        "unknown event type \"sign.document.signed\"",
        reason(body("'eventType':'sign.document.signed'", "{'id':1}")));
    assertEquals(
        "topic casefile does not match event type \"sign.signer.signed\"",
        reason(body("'topic':'casefile','eventType':'sign.signer.signed'", "{'id':1}")));
    assertEquals(
        "event type \"completed\" needs a topic, and the body has none",
        reason(body("'eventType':'completed'", "{'id':1}")));
    assertEquals(
        "malformed event type \"drop table\"",
        reason(body("'topic':'casefile','eventType':'drop table'", "{'id':1}")));
    assertEquals(
        "eventTime is missing",
        reason("{'topic':'casefile','eventType':'completed','payload':{'id':1}}"));
    assertEquals(
        "eventTime is not a PHP DateTime object",
        reason(
            "{'topic':'casefile','eventType':'completed','eventTime':'2025-02-19','payload':{'id':1}}"));
    assertEquals(
        "eventTime.timezone \"Mars/Base\" is not a known time zone id (timezone_type 3).",
        reason(
            "{'topic':'casefile','eventType':'completed','eventTime':{'date':'2025-02-19 13:01:55','timezone_type':3,'timezone':'Mars/Base'},'payload':{'id':1}}"));
    assertEquals(
        "there is no JSON object",
        ((WebhookBody.NotUnderstood) WebhookBodies.classify(null, null)).reason());
  }

  @Test
  void cutsLongValuesInReasons() {
    String reason = reason(body("'topic':'" + "d".repeat(500) + "','eventType':'x'", "{'id':1}"));
    assertTrue(reason.length() < 80, reason);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{'token':'abc123'}|abc123",
        "{'confirmationToken':'abc123'}|abc123",
        "{'Type':'SubscriptionConfirmation','Token':'abc123'}|abc123"
      })
  void recognisesEveryTokenShape(String json, String token) {
    assertEquals(new WebhookBody.ConfirmationToken(token), classify(json));
  }

  @Test
  void stripsWhitespaceAroundATokenAndKeepsItsSymbols() {
    assertEquals(
        new WebhookBody.ConfirmationToken("eyJhbGciOi.J9-_x+/="),
        classify("{'token':'  eyJhbGciOi.J9-_x+/= \\n'}"));
  }

  @Test
  void explainsTokensItCannotUse() {
    assertTrue(reason("{'token':''}").startsWith("the confirmation token in \"token\" is not"));
    assertTrue(reason("{'token':'two words'}").startsWith("the confirmation token in \"token\""));
    assertTrue(reason("{'token':'" + "a".repeat(513) + "'}").startsWith("the confirmation token"));
    assertTrue(
        reason("{'confirmationToken':42}")
            .startsWith("the confirmation token in \"confirmationToken\""));
    assertTrue(reason("{'token':'søren'}").startsWith("the confirmation token"));
    assertEquals(
        new WebhookBody.ConfirmationToken("a".repeat(512)),
        classify("{'token':'" + "a".repeat(512) + "'}"));
    // "Token" only counts in the SubscriptionConfirmation shape
    assertEquals(
        "there is no eventType in the body and no x-event-type header", reason("{'Token':'abc'}"));
  }

  @Test
  void findsTokensInFormFieldsAndQueryParameters() {
    assertEquals(Optional.of("abc"), WebhookBodies.confirmationToken(Map.of("token", "abc")));
    assertEquals(
        Optional.of("abc"), WebhookBodies.confirmationToken(Map.of("confirmationToken", "abc")));
    assertEquals(
        Optional.of("abc"),
        WebhookBodies.confirmationToken(
            Map.of("Type", "SubscriptionConfirmation", "Token", "abc")));
    assertEquals(
        Optional.of("abc"), WebhookBodies.confirmationToken(BoundedJson.parseForm("token=abc%0A")));
    assertEquals(Optional.empty(), WebhookBodies.confirmationToken(Map.of("Token", "abc")));
    assertEquals(Optional.empty(), WebhookBodies.confirmationToken(Map.of("token", "")));
    assertEquals(Optional.empty(), WebhookBodies.confirmationToken(Map.of("token", "a b")));
    assertEquals(Optional.empty(), WebhookBodies.confirmationToken(Map.of("other", "abc")));
    assertEquals(Optional.empty(), WebhookBodies.confirmationToken(Map.of()));
    assertEquals(Optional.empty(), WebhookBodies.confirmationToken(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "tab\t", "æ"})
  void refusesUnprintableTokens(String token) {
    assertFalse(WebhookBodies.isValidToken(token));
  }

  @Test
  void classifiesTheSignatureFixtureBodies() throws IOException {
    Path dir = Path.of(System.getProperty("basedir", "."), "..", "fixtures", "webhook-signatures");
    assertTrue(Files.isDirectory(dir), "fixtures not found at " + dir.toAbsolutePath());
    assertEquals(
        "casefile|completed|531|2025-02-19T13:01:55.517791Z",
        fixtureEvent(dir, "01-ascii").identity().key());
    assertEquals(
        "casefile|completed|9001|2025-06-02T07:15:00.000001Z",
        fixtureEvent(dir, "02-utf8").identity().key());
    PenneoEvent pretty = fixtureEvent(dir, "03-pretty");
    assertEquals("signer|signed|7001|2025-10-26T00:30:00.250000Z", pretty.identity().key());
    assertEquals(531L, pretty.caseFileId());
    assertEquals(
        new WebhookBody.TestNotification(Topic.WEBHOOK, Instant.parse("2025-03-30T00:30:00Z")),
        fixtureBody(dir, "04-test-empty-payload"));
  }

  private static WebhookBody fixtureBody(Path dir, String name) throws IOException {
    String text = Files.readString(dir.resolve(name + ".body"), StandardCharsets.UTF_8);
    return WebhookBodies.classify(BoundedJson.parseObject(text, 64), null);
  }

  private static PenneoEvent fixtureEvent(Path dir, String name) throws IOException {
    return assertInstanceOf(WebhookBody.Notification.class, fixtureBody(dir, name)).event();
  }
}
