package org.penneoarchive.application.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookIntakeServiceTest {

  @Test
  void decodesUtf8AndDropsALeadingBom() throws Exception {
    byte[] withBom = ("\uFEFF{\"t\":\"æ\"}").getBytes(StandardCharsets.UTF_8);
    assertEquals(
        "{\"t\":\"æ\"}", WebhookIntakeService.stripBom(WebhookIntakeService.decodeUtf8(withBom)));
  }

  @Test
  void refusesBytesThatAreNotUtf8() {
    assertThrows(
        CharacterCodingException.class,
        () -> WebhookIntakeService.decodeUtf8(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}));
  }
}
