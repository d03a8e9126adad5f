package org.penneoarchive.infrastructure.penneo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {

  @Test
  void masksConfiguredLearntAndPerCallSecretsLongestFirst() {
    SecretMasker m = new SecretMasker(List.of("abcd", "abcdefgh"));
    m.add("token-xyz");

    String out = m.excerpt("k=abcdefgh t=token-xyz c=call-secret", List.of("call-secret"));

    assertEquals("k=*** t=*** c=***", out);
  }

  @Test
  void flattensWhiteSpaceAndCutsAtThreeHundredCharacters() {
    SecretMasker m = new SecretMasker(List.of());
    String body = "line one\r\n\tline\u0000two " + "y".repeat(1000);

    String out = m.excerpt(body.getBytes(StandardCharsets.UTF_8), List.of());

    assertTrue(out.startsWith("line one line two yyy"), out);
    assertEquals(300, out.length());
    assertTrue(out.endsWith("…"));
    assertEquals("", m.excerpt(new byte[0], List.of()));
  }

  @Test
  void keepsABoundedNumberOfLearntSecrets() {
    SecretMasker m = new SecretMasker(List.of());
    for (int i = 0; i < SecretMasker.MAX_LEARNT + 50; i++) {
      m.add("token-" + i);
    }

    assertEquals(SecretMasker.MAX_LEARNT, m.learntCount());
    String newest = "token-" + (SecretMasker.MAX_LEARNT + 49);
    assertFalse(m.excerpt(newest, List.of()).contains(newest));
  }
}
