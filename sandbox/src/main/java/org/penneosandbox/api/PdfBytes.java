package org.penneosandbox.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.penneosandbox.casefile.Document;

/**
 * The bytes a download serves, streamed from the document's file: the signed PDF, or the unsigned
 * original ({@code ?signed=false}: the uploaded file, or the signed file's prefix before the seal),
 * with the PDF fault applied on the way (truncated: the first half only; corrupt: 4 KiB in the
 * middle scrambled, same length).
 */
final class PdfBytes {

  private static final int CORRUPT_SPAN = 4096;

  private final Path file;
  private final long sourceLength;
  private final String fault;

  PdfBytes(Document d, boolean signed, String fault) {
    if (!signed && d.uploadedOriginal() != null) {
      this.file = d.uploadedOriginal();
      this.sourceLength = d.originalLength();
    } else {
      this.file = d.file();
      this.sourceLength = signed ? d.size() : d.originalLength();
    }
    this.fault = fault;
  }

  long length() {
    return "truncated".equals(fault) ? sourceLength / 2 : sourceLength;
  }

  void writeTo(OutputStream out) throws IOException {
    long length = length();
    long corruptFrom = "corrupt".equals(fault) ? Math.max(0, length / 2 - CORRUPT_SPAN / 2) : -1;
    byte[] buffer = new byte[64 * 1024];
    long position = 0;
    try (InputStream in = Files.newInputStream(file)) {
      while (position < length) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - position));
        if (n < 0) {
          throw new IOException("document file " + file + " is shorter than " + length);
        }
        if (corruptFrom >= 0) {
          for (int i = 0; i < n; i++) {
            long at = position + i;
            if (at >= corruptFrom && at < corruptFrom + CORRUPT_SPAN) {
              buffer[i] ^= 0x5A;
            }
          }
        }
        out.write(buffer, 0, n);
        position += n;
      }
    }
  }

  /** Legacy {@code /pdf}: a JSON array whose only element is the base64 PDF, streamed too. */
  void writeBase64JsonArray(OutputStream out) throws IOException {
    out.write("[\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    OutputStream b64 = Base64.getEncoder().wrap(new NonClosing(out));
    writeTo(b64);
    b64.close();
    out.write("\"]".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  /** Lets the base64 encoder flush its tail without closing the response. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
