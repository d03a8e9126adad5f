package org.penneoarchive.infrastructure.penneo;

/**
 * A Penneo API key and its secret.
 *
 * <p>{@link #toString()} never shows the secret, so a credentials object can appear in a log line
 * or an exception message by accident without leaking it.
 *
 * @param key the public API key (sent to Penneo as the WSSE user name or the OAuth {@code key})
 * @param secret the API secret (never sent; only digests of it are)
 */
public record Credentials(String key, String secret) {

  /**
   * Checks that both parts are present and that the key can be quoted in a header.
   *
   * @throws IllegalArgumentException when the key or the secret is blank, or the key holds a quote,
   *     a backslash or a control character
   */
  public Credentials {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("A Penneo API key is required but was blank");
    }
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException(
          "The Penneo API secret for key '" + key + "' is required but was empty");
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20 || c == 0x7f) {
        throw new IllegalArgumentException(
            "The Penneo API key must not contain quotes, backslashes or control characters");
      }
    }
  }

  @Override
  public String toString() {
    return "Credentials[key=" + key + ", secret=***]";
  }
}
