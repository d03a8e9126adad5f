package org.penneoarchive.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;

/**
 * The certificates that a PAdES seal must chain to ({@code archive.trust-store}): in production
 * Penneo's sealing CA, in the demo the sandbox's test CA.
 *
 * <p>Read from a PEM file (one or more certificates, other PEM objects and text ignored), a DER
 * certificate, a directory of such files ({@code .pem}, {@code .crt}, {@code .cer}, {@code .der}),
 * or a PKCS#12 or JKS keystore ({@code .p12}, {@code .pfx}, {@code .jks}, {@code .keystore}). With
 * no anchors at all every seal is reported "not trusted", which is the safe reading of a missing
 * configuration.
 */
public final class TrustAnchors {

  /** A trust file larger than this is a mistake in the configuration, not a trust store. */
  static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

  private static final Set<String> KEYSTORE_EXTENSIONS = Set.of("p12", "pfx", "jks", "keystore");
  private static final Set<String> CERTIFICATE_EXTENSIONS = Set.of("pem", "crt", "cer", "der");

  private final List<X509Certificate> certificates;

  private TrustAnchors(Collection<X509Certificate> certificates) {
    this.certificates = List.copyOf(new LinkedHashSet<>(certificates));
  }

  /** No trust at all: every seal is "not trusted". */
  public static TrustAnchors none() {
    return new TrustAnchors(List.of());
  }

  public static TrustAnchors of(Collection<X509Certificate> certificates) {
    return new TrustAnchors(certificates);
  }

  /** Reads a PEM/DER file, a directory of them, or a keystore without a password. */
  public static TrustAnchors of(Path path) throws IOException {
    return of(path, null);
  }

  /**
   * Reads a PEM/DER file, a directory of them, or a keystore.
   *
   * @param keystorePassword the keystore's password, or {@code null} to read its certificates
   *     without checking its integrity (enough for a JKS trust store)
   */
  public static TrustAnchors of(Path path, char[] keystorePassword) throws IOException {
    if (!Files.exists(path)) {
      throw new NoSuchFileException(path.toString(), null, "the trust store does not exist");
    }
    List<X509Certificate> found = new ArrayList<>();
    if (Files.isDirectory(path)) {
      List<Path> files;
      try (Stream<Path> listing = Files.list(path)) {
        files =
            listing
                .filter(Files::isRegularFile)
                .filter(f -> CERTIFICATE_EXTENSIONS.contains(extension(f)))
                .sorted()
                .toList();
      }
      for (Path file : files) {
        found.addAll(readCertificateFile(file));
      }
    } else if (KEYSTORE_EXTENSIONS.contains(extension(path))) {
      found.addAll(readKeyStore(path, keystorePassword));
    } else {
      found.addAll(readCertificateFile(path));
    }
    return new TrustAnchors(found);
  }

  public boolean isEmpty() {
    return certificates.isEmpty();
  }

  public List<X509Certificate> certificates() {
    return certificates;
  }

  /** The anchors in the form {@link java.security.cert.PKIXParameters} wants. */
  Set<TrustAnchor> pkixAnchors() {
    Set<TrustAnchor> anchors = new LinkedHashSet<>();
    for (X509Certificate certificate : certificates) {
      anchors.add(new TrustAnchor(certificate, null));
    }
    return Collections.unmodifiableSet(anchors);
  }

  boolean contains(X509Certificate certificate) {
    return certificates.contains(certificate);
  }

  private static List<X509Certificate> readCertificateFile(Path file) throws IOException {
    byte[] bytes = readBounded(file);
    String text = new String(bytes, StandardCharsets.US_ASCII);
    List<X509Certificate> certificates;
    try {
      certificates =
          text.contains("-----BEGIN")
              ? readPem(text)
              : toX509(certificateFactory().generateCertificates(new ByteArrayInputStream(bytes)));
    } catch (CertificateException | RuntimeException e) {
      throw new IOException("The trust file " + file + " holds no readable certificate: " + e, e);
    }
    if (certificates.isEmpty()) {
      throw new IOException("The trust file " + file + " holds no certificate.");
    }
    return certificates;
  }

  private static List<X509Certificate> readPem(String text)
      throws IOException, CertificateException {
    List<X509Certificate> result = new ArrayList<>();
    CertificateFactory factory = certificateFactory();
    try (PEMParser parser = new PEMParser(new StringReader(text))) {
      for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
        if (object instanceof X509CertificateHolder holder) {
          try (InputStream in = new ByteArrayInputStream(holder.getEncoded())) {
            result.add((X509Certificate) factory.generateCertificate(in));
          }
        }
      }
    }
    return result;
  }

  private static List<X509Certificate> readKeyStore(Path file, char[] password) throws IOException {
    try {
      KeyStore store = KeyStore.getInstance(file.toFile(), password);
      List<X509Certificate> result = new ArrayList<>();
      for (String alias : Collections.list(store.aliases())) {
        Certificate certificate = store.getCertificate(alias);
        if (certificate instanceof X509Certificate x509) {
          result.add(x509);
        }
      }
      return result;
    } catch (GeneralSecurityException e) {
      throw new IOException("The trust keystore " + file + " cannot be read: " + e, e);
    }
  }

  private static byte[] readBounded(Path file) throws IOException {
    if (Files.size(file) > MAX_FILE_BYTES) {
      throw new IOException(
          "The trust file " + file + " is larger than " + MAX_FILE_BYTES + " bytes.");
    }
    return Files.readAllBytes(file);
  }

  private static List<X509Certificate> toX509(Collection<? extends Certificate> certificates) {
    List<X509Certificate> result = new ArrayList<>();
    for (Certificate certificate : certificates) {
      if (certificate instanceof X509Certificate x509) {
        result.add(x509);
      }
    }
    return result;
  }

  private static CertificateFactory certificateFactory() throws CertificateException {
    return CertificateFactory.getInstance("X.509");
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
