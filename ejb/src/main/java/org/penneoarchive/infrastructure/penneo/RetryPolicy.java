package org.penneoarchive.infrastructure.penneo;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The one place for the rules of retrying a Penneo call: which failures are worth another attempt,
 * how long to wait before it, and how many attempts there are.
 *
 * <p>Defaults: at most 5 attempts; before retry {@code n} (1, 2, …) a wait drawn uniformly from
 * {@code [0, min(30 s, 500 ms × 2^(n-1))]} ("full jitter", so that many clients that failed
 * together do not come back together); a {@code Retry-After} header (seconds or HTTP-date) replaces
 * that wait, capped at 60 s.
 *
 * <p>What is retried depends on whether repeating the request is safe:
 *
 * <ul>
 *   <li>Requests that are safe to repeat (GET, PUT, DELETE, token requests, test notifications):
 *       {@code 408}, {@code 429}, {@code 500}, {@code 502}, {@code 503}, {@code 504}, and every
 *       {@link IOException} (connection reset or refused, time-outs) except TLS certificate
 *       failures, which no retry can fix. {@code 500} is retried because Penneo's PHP back end
 *       answers it for passing faults as well; the bounded attempts keep a deterministic {@code
 *       500} cheap.
 *   <li>Requests that are not (creating a subscription, confirming one): only failures that prove
 *       Penneo did not act — {@code 429}, {@code 503} and connections never established — so that a
 *       retry cannot create a second subscription.
 * </ul>
 *
 * <p>No other {@code 4xx} is ever retried: it would fail the same way again. Tests make the policy
 * deterministic through the jitter source and the {@link Sleeper}.
 */
public final class RetryPolicy {

  /** Waits between attempts; replaced in tests to record the waits instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    /** Blocks the calling thread for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
  }

  public static final int DEFAULT_MAX_ATTEMPTS = 5;
  public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(500);
  public static final double DEFAULT_MULTIPLIER = 2.0;
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(30);
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

  private static final Sleeper THREAD_SLEEPER =
      duration -> {
        if (!duration.isZero() && !duration.isNegative()) {
          Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
      };

  private final int maxAttempts;
  private final Duration baseDelay;
  private final double multiplier;
  private final Duration maxDelay;
  private final Duration maxRetryAfter;
  private final DoubleSupplier jitter;
  private final Sleeper sleeper;
  private final InstantSource clock;

  private RetryPolicy(Builder b) {
    if (b.maxAttempts < 1 || b.maxAttempts > 20) {
      throw new IllegalArgumentException(
          "Retry max attempts must be between 1 and 20, but was " + b.maxAttempts);
    }
    requirePositive(b.baseDelay, "Retry base delay");
    requirePositive(b.maxDelay, "Retry max delay");
    requirePositive(b.maxRetryAfter, "Retry-After cap");
    if (!(b.multiplier >= 1.0 && b.multiplier <= 10.0)) {
      throw new IllegalArgumentException(
          "Retry multiplier must be between 1 and 10, but was " + b.multiplier);
    }
    if (b.baseDelay.compareTo(b.maxDelay) > 0) {
      throw new IllegalArgumentException(
          "Retry base delay " + b.baseDelay + " exceeds the max delay " + b.maxDelay);
    }
    this.maxAttempts = b.maxAttempts;
    this.baseDelay = b.baseDelay;
    this.multiplier = b.multiplier;
    this.maxDelay = b.maxDelay;
    this.maxRetryAfter = b.maxRetryAfter;
    this.jitter = Objects.requireNonNull(b.jitter, "jitter");
    this.sleeper = Objects.requireNonNull(b.sleeper, "sleeper");
    this.clock = Objects.requireNonNull(b.clock, "clock");
  }

  private static void requirePositive(Duration d, String what) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be a positive duration, but was " + d);
    }
  }

  /** The policy described in the class comment. */
  public static RetryPolicy defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** How many attempts a call makes at most, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Whether a response with this HTTP status is worth another attempt.
   *
   * @param safeToRepeat whether repeating the request cannot do harm (see the class comment)
   */
  public boolean isRetryable(int status, boolean safeToRepeat) {
    switch (status) {
      case 429:
      case 503:
        return true;
      case 408:
      case 500:
      case 502:
      case 504:
        return safeToRepeat;
      default:
        return false;
    }
  }

  /**
   * Whether a failure to get a response is worth another attempt.
   *
   * @param safeToRepeat whether repeating the request cannot do harm (see the class comment)
   */
  public boolean isRetryable(IOException failure, boolean safeToRepeat) {
    if (failure instanceof SSLHandshakeException || failure instanceof SSLPeerUnverifiedException) {
      return false;
    }
    if (safeToRepeat) {
      return true;
    }
    // The request never reached Penneo, so Penneo cannot have acted on it.
    return failure instanceof ConnectException
        || failure instanceof HttpConnectTimeoutException
        || failure instanceof UnknownHostException
        || failure instanceof NoRouteToHostException;
  }

  /**
   * The wait before retry number {@code retry} (1 for the second attempt).
   *
   * @param retryAfter the parsed {@code Retry-After} of the failed response, if it had one
   */
  public Duration delayBeforeRetry(int retry, Optional<Duration> retryAfter) {
    if (retry < 1) {
      throw new IllegalArgumentException("Retry numbers start at 1, but was " + retry);
    }
    if (retryAfter.isPresent()) {
      Duration asked = retryAfter.get();
      if (asked.isNegative()) {
        return Duration.ZERO;
      }
      return asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
    }
    double ceilingMillis =
        Math.min(
            (double) maxDelay.toMillis(),
            baseDelay.toMillis() * Math.pow(multiplier, Math.min(retry - 1, 62)));
    double r = jitter.getAsDouble();
    if (!(r >= 0.0 && r < 1.0)) {
      r = 0.999_999;
    }
    return Duration.ofMillis((long) Math.floor(r * ceilingMillis));
  }

  /**
   * Reads a {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
   *
   * @return the wait it asks for (zero for a date in the past), empty when absent or unreadable
   */
  public Optional<Duration> parseRetryAfter(String value) {
    return parseRetryAfter(value, clock.instant());
  }

  static Optional<Duration> parseRetryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      if (v.length() > 9) {
        return Optional.of(Duration.ofSeconds(999_999_999L));
      }
      return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(now, at);
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Waits through the configured {@link Sleeper}. */
  public void sleep(Duration duration) throws InterruptedException {
    sleeper.sleep(duration);
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts="
        + maxAttempts
        + ", baseDelay="
        + baseDelay
        + ", multiplier="
        + multiplier
        + ", maxDelay="
        + maxDelay
        + ", maxRetryAfter="
        + maxRetryAfter
        + "]";
  }

  /** Builds a {@link RetryPolicy}; every setting starts at its default. */
  public static final class Builder {
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration baseDelay = DEFAULT_BASE_DELAY;
    private double multiplier = DEFAULT_MULTIPLIER;
    private Duration maxDelay = DEFAULT_MAX_DELAY;
    private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
    private Sleeper sleeper = THREAD_SLEEPER;
    private InstantSource clock = InstantSource.system();

    private Builder() {}

    /** Attempts in all, the first included (1 disables retries). */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    public Builder baseDelay(Duration baseDelay) {
      this.baseDelay = baseDelay;
      return this;
    }

    public Builder multiplier(double multiplier) {
      this.multiplier = multiplier;
      return this;
    }

    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = maxDelay;
      return this;
    }

    /** The longest {@code Retry-After} honoured; a longer one is cut to this. */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = maxRetryAfter;
      return this;
    }

    /** The random source of the jitter: values in {@code [0, 1)}. */
    public Builder jitter(DoubleSupplier jitter) {
      this.jitter = jitter;
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /** The clock against which an HTTP-date {@code Retry-After} is read. */
    public Builder clock(InstantSource clock) {
      this.clock = clock;
      return this;
    }

    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }
}
