package org.penneoarchive.archive;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority for tests: EC P-256 keys (fast to make), a self-signed CA,
 * intermediates and seal certificates issued by it.
 */
final class TestPki {

  /** A key with its certificate and the chain above it (without the root). */
  record Issued(PrivateKey key, X509Certificate certificate, TestPki issuer) {}

  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  private final KeyPair keys;
  private final X509Certificate certificate;
  private final TestPki parent;

  private TestPki(KeyPair keys, X509Certificate certificate, TestPki parent) {
    this.keys = keys;
    this.certificate = certificate;
    this.parent = parent;
  }

  /** A new self-signed root CA. */
  static TestPki root(String commonName) {
    KeyPair keys = newKeys();
    X500Name name = new X500Name("CN=" + commonName + ",O=Penneo Archive Tests");
    return new TestPki(keys, certificate(name, keys, name, keys.getPrivate(), true), null);
  }

  /** An intermediate CA under this one. */
  TestPki intermediate(String commonName) {
    KeyPair child = newKeys();
    X500Name name = new X500Name("CN=" + commonName + ",O=Penneo Archive Tests");
    return new TestPki(child, certificate(name, child, subject(), keys.getPrivate(), true), this);
  }

  /** A seal (end-entity) certificate issued by this CA. */
  Issued issue(String commonName) {
    KeyPair leaf = newKeys();
    X500Name name = new X500Name("CN=" + commonName + ",O=Penneo Archive Tests");
    return new Issued(
        leaf.getPrivate(), certificate(name, leaf, subject(), keys.getPrivate(), false), this);
  }

  X509Certificate certificate() {
    return certificate;
  }

  /** This CA's certificate and its parents' up to (not including) the root. */
  java.util.List<X509Certificate> chainBelowRoot() {
    java.util.List<X509Certificate> chain = new java.util.ArrayList<>();
    for (TestPki ca = this; ca.parent != null; ca = ca.parent) {
      chain.add(ca.certificate);
    }
    return chain;
  }

  Path writePem(Path file) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
      pem.writeObject(certificate);
    }
    return Files.writeString(file, out.toString(), StandardCharsets.US_ASCII);
  }

  private X500Name subject() {
    return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
  }

  private static KeyPair newKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate certificate(
      X500Name subject, KeyPair subjectKeys, X500Name issuer, PrivateKey issuerKey, boolean ca) {
    Instant now = Instant.now();
    try {
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuer,
              BigInteger.valueOf(SERIAL.incrementAndGet()),
              Date.from(now.minus(Duration.ofDays(1))),
              Date.from(now.plus(Duration.ofDays(365))),
              subject,
              subjectKeys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(
              ca
                  ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                  : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }
}
