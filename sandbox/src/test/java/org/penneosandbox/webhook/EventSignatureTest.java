package org.penneosandbox.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventSignatureTest {

  @Test
  void headerIsTimestampAndHmacOfTimestampDotBody() {
    byte[] body =
        "{\"topic\":\"casefile\",\"eventType\":\"sign.casefile.completed\"}"
            .getBytes(StandardCharsets.UTF_8);
    // printf '%s' '1739970115.{"topic":"casefile","eventType":"sign.casefile.completed"}' \
    //   | openssl dgst -sha256 -hmac 'b7e2c8a0-5f1d-4c3e-9a6b-2d4f8e1c0a93'
    assertEquals(
        "t=1739970115,v1=4f59189c7e31e8c30a0b32ff8e0877abe4355cb943bf2c4ad687d3317c96a0cc",
        EventSignature.header("b7e2c8a0-5f1d-4c3e-9a6b-2d4f8e1c0a93", 1739970115L, body));
  }
}
