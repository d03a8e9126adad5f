package org.penneosandbox.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The sandbox's signer reproduces every checked-in signature fixture (computed with OpenSSL, see
 * fixtures/webhook-signatures/README.md) byte for byte, so that it cannot agree only with itself.
 */
class SignatureFixturesTest {

  static final Path FIXTURES = Path.of("..", "fixtures", "webhook-signatures");

  @TestFactory
  Stream<DynamicTest> everyFixtureIsReproduced() throws IOException {
    assertTrue(
        Files.isDirectory(FIXTURES), "fixtures folder missing: " + FIXTURES.toAbsolutePath());
    List<Path> bodies;
    try (Stream<Path> files = Files.list(FIXTURES)) {
      bodies =
          files
              .filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.body"))
              .sorted()
              .toList();
    }
    assertFalse(bodies.isEmpty(), "no fixtures in " + FIXTURES.toAbsolutePath());
    return bodies.stream()
        .map(
            body -> {
              String name = body.getFileName().toString().replaceFirst("\\.body$", "");
              return DynamicTest.dynamicTest(
                  name,
                  () -> {
                    String secret = read(name + ".secret");
                    long t = Long.parseLong(read(name + ".t"));
                    String expected = read(name + ".signature");
                    assertEquals(
                        expected, EventSignature.header(secret, t, Files.readAllBytes(body)));
                  });
            });
  }

  private static String read(String file) throws IOException {
    return Files.readString(FIXTURES.resolve(file), StandardCharsets.UTF_8);
  }
}
