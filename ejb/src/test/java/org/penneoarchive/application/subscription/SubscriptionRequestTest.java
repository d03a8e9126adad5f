package org.penneoarchive.application.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.penneoarchive.model.WebhookService;

class SubscriptionRequestTest {

  @Test
  void legacyNeedsAKnownTopic() {
    var r = new SubscriptionRequest(WebhookService.LEGACY, "casefile", List.of("ignored"));
    assertEquals("casefile", r.topic());
    assertTrue(r.eventTypes().isEmpty());
    assertThrows(
        InvalidRequestException.class,
        () -> new SubscriptionRequest(WebhookService.LEGACY, "document", null));
    assertThrows(
        InvalidRequestException.class,
        () -> new SubscriptionRequest(WebhookService.LEGACY, null, null));
  }

  @Test
  void currentGetsTheTestEventAdded() {
    var r =
        new SubscriptionRequest(
            WebhookService.CURRENT, "casefile", List.of("sign.casefile.completed"));
    assertNull(r.topic());
    assertEquals(
        List.of("sign.casefile.completed", SubscriptionRequest.TEST_EVENT), r.eventTypes());
  }

  @Test
  void currentRefusesBadOrTooManyEventTypes() {
    assertThrows(
        InvalidRequestException.class,
        () -> new SubscriptionRequest(WebhookService.CURRENT, null, List.of()));
    assertThrows(
        InvalidRequestException.class,
        () -> new SubscriptionRequest(WebhookService.CURRENT, null, List.of("sign casefile")));
    assertThrows(
        InvalidRequestException.class,
        () ->
            new SubscriptionRequest(
                WebhookService.CURRENT, null, Collections.nCopies(51, "sign.casefile.completed")));
  }

  @Test
  void serviceNamesAreRead() {
    assertEquals(WebhookService.LEGACY, SubscriptionRequest.parseService("Legacy"));
    assertEquals(WebhookService.CURRENT, SubscriptionRequest.parseService("current"));
    assertNull(SubscriptionRequest.parseService("v2"));
    assertThrows(
        InvalidRequestException.class, () -> new SubscriptionRequest(null, "casefile", null));
  }

  @Test
  void endpointKeysAreLongRandomAndUrlSafe() {
    String a = EndpointKeys.newKey();
    String b = EndpointKeys.newKey();
    assertEquals(43, a.length());
    assertTrue(EndpointKeys.isWellFormed(a));
    assertTrue(!a.equals(b));
    assertTrue(!EndpointKeys.isWellFormed("short"));
    assertTrue(!EndpointKeys.isWellFormed("../../etc/passwd-aaaaaaaaaaaaaaaaaaaa"));
  }
}
