package org.penneoarchive.application.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotificationEnvelopeTest {

  @Test
  void survivesTheQueueExactly() {
    var e =
        new NotificationEnvelope(
            "id-1",
            42,
            Instant.parse("2026-06-01T08:00:00.517791Z"),
            "text/plain",
            "sign.casefile.completed",
            "evt-9",
            "{\"a\":\"æøå \\u0000 \\\"quoted\\\"\"}\n",
            null);
    assertEquals(e, NotificationEnvelope.fromJson(e.toJson()));
  }

  @Test
  void keepsAQueryToken() {
    var e = new NotificationEnvelope("id-2", 1, Instant.EPOCH, null, null, null, "", "tok");
    assertEquals("tok", NotificationEnvelope.fromJson(e.toJson()).queryToken());
  }

  @Test
  void refusesAnEnvelopeOfAnotherVersion() {
    var ex =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                NotificationEnvelope.fromJson(
                    "{\"v\":2,\"intakeId\":\"x\",\"subscriptionId\":1,\"receivedAt\":\"2026-01-01T00:00:00Z\",\"body\":\"\"}"));
    assertTrue(ex.getMessage().contains("version 2"));
  }
}
