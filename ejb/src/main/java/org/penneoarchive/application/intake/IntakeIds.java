package org.penneoarchive.application.intake;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Intake ids: random (version 4) UUIDs, the key by which a redelivered or replayed message is
 * recognised. Each thread draws from a DRBG of its own: {@code UUID.randomUUID()} shares one {@code
 * NativePRNG} whose reads of {@code /dev/urandom} are serialised, and under load the receiver's
 * request threads queued on it (JFR, issue 7).
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
    byte[] b = new byte[16];
    RANDOM.get().nextBytes(b);
    b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4
    b[8] = (byte) ((b[8] & 0x3f) | 0x80); // IETF variant
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      msb = (msb << 8) | (b[i] & 0xff);
      lsb = (lsb << 8) | (b[i + 8] & 0xff);
    }
    return new UUID(msb, lsb).toString();
  }
}
