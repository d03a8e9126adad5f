package org.penneoarchive.infrastructure.penneo;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Objects;

/**
 * Reads the answer of Penneo's legacy {@code GET documents/{id}/pdf} — a JSON array whose first
 * element is the PDF in base64 — and hands out the characters of that first string, so that a
 * {@link Base64} decoder can turn them into the PDF's bytes as they arrive.
 *
 * <p>Why not JSON-P: its parser returns a string value only as a whole {@code String}, so a 500 MB
 * PDF would need a 700 MB string. This scanner understands just enough JSON for this one shape:
 * white space, the array's opening bracket, the string's escapes that a base64 text can carry
 * ({@code \/}, as PHP writes every slash; {@code \n}, {@code \r} and {@code \t} line breaks, which
 * are dropped; {@code \}{@code uXXXX}), and a check that the string is followed by {@code ,} or
 * {@code ]}. Anything else is an {@link IOException}. The size is bounded by the body's limit.
 */
final class LegacyPdfBodyStream extends InputStream {

  /** The answer does not even start like a legacy PDF answer; reading it again will not help. */
  static final class MalformedStartException extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedStartException(String message) {
      super(message);
    }
  }

  private final InputStream in;
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int lim;
  private boolean ended;

  private LegacyPdfBodyStream(InputStream in) {
    this.in = in;
  }

  /**
   * Reads up to the opening quote of the first array element and returns a stream of the decoded
   * PDF bytes; closing it closes {@code body}.
   *
   * @throws MalformedStartException when the body does not start like {@code ["}
   */
  static InputStream decoding(InputStream body) throws IOException {
    LegacyPdfBodyStream s = new LegacyPdfBodyStream(Objects.requireNonNull(body, "body"));
    s.expect('[', "an array");
    s.expect('"', "a string as the array's first element");
    return new Finishing(Base64.getDecoder().wrap(s), s);
  }

  /**
   * Once the decoder reports the end, reads on to the closing quote: the JDK's decoder stops at the
   * padding without reading further, and a truncated or trailing-garbage answer must not pass.
   */
  private static final class Finishing extends FilterInputStream {
    private final LegacyPdfBodyStream scanner;
    private boolean finished;

    Finishing(InputStream decoded, LegacyPdfBodyStream scanner) {
      super(decoded);
      this.scanner = scanner;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c < 0) {
        finish();
      }
      return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n < 0) {
        finish();
      }
      return n;
    }

    private void finish() throws IOException {
      if (finished) {
        return;
      }
      finished = true;
      int c;
      while ((c = scanner.read()) >= 0) {
        if (c != '=') {
          throw new IOException("The legacy PDF answer holds data after the base64 padding");
        }
      }
    }
  }

  private void expect(char wanted, String what) throws IOException {
    int c = nextNonSpace();
    if (c != wanted) {
      throw new MalformedStartException(
          "The legacy PDF answer does not hold " + what + " where expected");
    }
  }

  private int nextNonSpace() throws IOException {
    int c;
    do {
      c = raw();
    } while (c == ' ' || c == '\n' || c == '\r' || c == '\t');
    return c;
  }

  private int raw() throws IOException {
    if (pos == lim) {
      int n = in.read(buf, 0, buf.length);
      if (n <= 0) {
        return -1;
      }
      pos = 0;
      lim = n;
    }
    return buf[pos++] & 0xff;
  }

  @Override
  public int read() throws IOException {
    while (!ended) {
      int c = raw();
      if (c < 0) {
        throw new EOFException("The legacy PDF answer ends inside the base64 string");
      }
      if (c == '"') {
        ended = true;
        int after = nextNonSpace();
        if (after != ',' && after != ']') {
          throw new IOException("The legacy PDF answer's base64 string is not followed by , or ]");
        }
        return -1;
      }
      if (c == '\\') {
        c = escape();
        if (c < 0) {
          continue;
        }
      }
      if (isBase64(c)) {
        return c;
      }
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        continue;
      }
      throw new IOException("The legacy PDF answer's string holds a character that is not base64");
    }
    return -1;
  }

  /** The character an escape stands for, or -1 for an escaped line break (dropped). */
  private int escape() throws IOException {
    int e = raw();
    switch (e) {
      case '/':
        return '/';
      case 'n':
      case 'r':
      case 't':
        return -1;
      case 'u':
        int v = 0;
        for (int i = 0; i < 4; i++) {
          int h = Character.digit(raw(), 16);
          if (h < 0) {
            throw new IOException("The legacy PDF answer holds a malformed \\u escape");
          }
          v = v * 16 + h;
        }
        return v == '\n' || v == '\r' || v == '\t' || v == ' ' ? -1 : v;
      default:
        throw new IOException("The legacy PDF answer's string holds an escape base64 cannot have");
    }
  }

  private static boolean isBase64(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '+'
        || c == '/'
        || c == '=';
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    int n = 0;
    while (n < len) {
      int c = read();
      if (c < 0) {
        break;
      }
      b[off + n++] = (byte) c;
    }
    return n == 0 ? -1 : n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
