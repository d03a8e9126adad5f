package org.penneoarchive.application.intake;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Intake ids: time-ordered (version 7) UUIDs, the key by which a redelivered or replayed message is
 * recognised. The first 48 bits are the milliseconds of the receipt, the last 74 random: ids taken
 * close together sort close together, so each new delivery's entry in the unique index on the id
 * lands on the index's newest pages (with random ids every insert rewrote a page of its own,
 * anywhere in the index, at each commit; issue 7). Each thread draws from a DRBG of its own: {@code
 * UUID.randomUUID()} shares one {@code NativePRNG} whose reads of {@code /dev/urandom} are
 * serialised, and under load the receiver's request threads queued on it (JFR, issue 7).
 */
final class IntakeIds {

  private static final ThreadLocal<SecureRandom> RANDOM =
      ThreadLocal.withInitial(
          () -> {
            try {
              return SecureRandom.getInstance("DRBG");
            } catch (NoSuchAlgorithmException e) {
              return new SecureRandom();
            }
          });

  private IntakeIds() {}

  static String next() {
    return next(System.currentTimeMillis());
  }

  /** A version 7 UUID for the Unix time {@code millis}. */
  static String next(long millis) {
    byte[] b = new byte[10];
    RANDOM.get().nextBytes(b);
    long msb = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000 | ((b[0] & 0x0f) << 8) | (b[1] & 0xff);
    long lsb = 0x8000_0000_0000_0000L | (b[2] & 0x3fL) << 56;
    for (int i = 3; i < 10; i++) {
      lsb |= (b[i] & 0xffL) << (8 * (9 - i));
    }
    return new UUID(msb, lsb).toString();
  }
}
