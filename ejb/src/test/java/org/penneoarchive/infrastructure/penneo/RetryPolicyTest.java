package org.penneoarchive.infrastructure.penneo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy half = RetryPolicy.builder().jitter(() -> 0.5).build();

  @Test
  void defaultsAreFiveAttemptsFromHalfASecondDoublingUpToThirtySeconds() {
    RetryPolicy top = RetryPolicy.builder().jitter(() -> 0.999_999_9).build();
    assertEquals(5, RetryPolicy.defaults().maxAttempts());
    assertEquals(Duration.ofMillis(499), top.delayBeforeRetry(1, Optional.empty()));
    assertEquals(Duration.ofMillis(999), top.delayBeforeRetry(2, Optional.empty()));
    assertEquals(Duration.ofMillis(1999), top.delayBeforeRetry(3, Optional.empty()));
    assertEquals(Duration.ofMillis(29_999), top.delayBeforeRetry(10, Optional.empty()));
    assertEquals(Duration.ofMillis(29_999), top.delayBeforeRetry(500, Optional.empty()));
  }

  @Test
  void fullJitterScalesTheWholeCeiling() {
    assertEquals(Duration.ofMillis(250), half.delayBeforeRetry(1, Optional.empty()));
    assertEquals(Duration.ofMillis(500), half.delayBeforeRetry(2, Optional.empty()));
    RetryPolicy zero = RetryPolicy.builder().jitter(() -> 0.0).build();
    assertEquals(Duration.ZERO, zero.delayBeforeRetry(3, Optional.empty()));
  }

  @Test
  void retryAfterReplacesTheBackOffAndIsCapped() {
    assertEquals(
        Duration.ofSeconds(7), half.delayBeforeRetry(1, Optional.of(Duration.ofSeconds(7))));
    assertEquals(
        RetryPolicy.DEFAULT_MAX_RETRY_AFTER,
        half.delayBeforeRetry(1, Optional.of(Duration.ofHours(2))));
  }

  @Test
  void retryAfterIsReadAsSecondsOrHttpDate() {
    Instant now = Instant.parse("2026-06-01T08:00:00Z");
    assertEquals(Optional.of(Duration.ofSeconds(1)), RetryPolicy.parseRetryAfter("1", now));
    assertEquals(Optional.of(Duration.ofSeconds(120)), RetryPolicy.parseRetryAfter(" 120 ", now));
    assertEquals(
        Optional.of(Duration.ofSeconds(90)),
        RetryPolicy.parseRetryAfter("Mon, 01 Jun 2026 08:01:30 GMT", now));
    assertEquals(
        Optional.of(Duration.ZERO),
        RetryPolicy.parseRetryAfter("Mon, 01 Jun 2026 07:00:00 GMT", now));
    assertEquals(Optional.empty(), RetryPolicy.parseRetryAfter("soon", now));
    assertEquals(Optional.empty(), RetryPolicy.parseRetryAfter("-5", now));
    assertEquals(Optional.empty(), RetryPolicy.parseRetryAfter(null, now));
  }

  @Test
  void retriesPassingStatusesAndNeverOtherClientErrors() {
    for (int s : new int[] {408, 429, 500, 502, 503, 504}) {
      assertTrue(half.isRetryable(s, true), "status " + s);
    }
    for (int s : new int[] {200, 201, 204, 301, 400, 401, 403, 404, 409, 422, 501}) {
      assertFalse(half.isRetryable(s, true), "status " + s);
    }
  }

  @Test
  void requestsThatAreNotSafeToRepeatRetryOnlyWhenPenneoCannotHaveActed() {
    assertTrue(half.isRetryable(429, false));
    assertTrue(half.isRetryable(503, false));
    assertFalse(half.isRetryable(500, false));
    assertFalse(half.isRetryable(502, false));
    assertFalse(half.isRetryable(504, false));
    assertFalse(half.isRetryable(408, false));
    assertTrue(half.isRetryable(new ConnectException("refused"), false));
    assertTrue(half.isRetryable(new HttpConnectTimeoutException("slow"), false));
    assertFalse(half.isRetryable(new SocketException("Connection reset"), false));
    assertFalse(half.isRetryable(new HttpTimeoutException("no answer"), false));
  }

  @Test
  void connectionFailuresAreRetriedButCertificateFailuresAreNot() {
    assertTrue(half.isRetryable(new SocketException("Connection reset"), true));
    assertTrue(half.isRetryable(new HttpTimeoutException("request timed out"), true));
    assertTrue(half.isRetryable(new IOException("EOF reached while reading"), true));
    assertFalse(half.isRetryable(new SSLHandshakeException("PKIX path building failed"), true));
  }

  @Test
  void refusesNonsenseSettings() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> RetryPolicy.builder().maxAttempts(0).build());
    assertTrue(e.getMessage().contains("between 1 and 20"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> RetryPolicy.builder().baseDelay(Duration.ofMinutes(5)).build());
    assertThrows(IllegalArgumentException.class, () -> half.delayBeforeRetry(0, Optional.empty()));
  }
}
