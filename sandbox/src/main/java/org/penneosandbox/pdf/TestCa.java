package org.penneosandbox.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The sandbox's test CA and the seal certificate it issued, created once and kept in a PKCS#12 file
 * under the data directory so that the published CA ({@code control/ca.pem}) stays the same across
 * restarts. Only JCA's default providers are used: registering BouncyCastle as a provider in an
 * application server leaks it across redeployments.
 */
public final class TestCa {

  private static final char[] STORE_PASSWORD = "penneo-sandbox".toCharArray();
  private static final String CA_ALIAS = "ca";
  private static final String SEAL_ALIAS = "seal";

  private final X509Certificate caCert;
  private final X509Certificate sealCert;
  private final PrivateKey sealKey;

  private TestCa(X509Certificate caCert, X509Certificate sealCert, PrivateKey sealKey) {
    this.caCert = caCert;
    this.sealCert = sealCert;
    this.sealKey = sealKey;
  }

  public static synchronized TestCa loadOrCreate(Path dir) {
    Path file = dir.resolve("test-ca.p12");
    try {
      Files.createDirectories(dir);
      KeyStore ks = KeyStore.getInstance("PKCS12");
      if (Files.exists(file)) {
        try (InputStream in = Files.newInputStream(file)) {
          ks.load(in, STORE_PASSWORD);
        }
        return new TestCa(
            (X509Certificate) ks.getCertificate(CA_ALIAS),
            (X509Certificate) ks.getCertificate(SEAL_ALIAS),
            (PrivateKey) ks.getKey(SEAL_ALIAS, STORE_PASSWORD));
      }
      TestCa created = create(ks);
      Path tmp = dir.resolve("test-ca.p12.tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        ks.store(out, STORE_PASSWORD);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return created;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the test CA in " + file, e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot create or read the test CA in " + file, e);
    }
  }

  private static TestCa create(KeyStore ks)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    ks.load(null, null);
    KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
    gen.initialize(2048, new SecureRandom());
    KeyPair caPair = gen.generateKeyPair();
    KeyPair sealPair = gen.generateKeyPair();
    Instant now = Instant.now();
    Date from = Date.from(now.minus(Duration.ofDays(1)));
    Date until = Date.from(now.plus(Duration.ofDays(3650)));
    X500Name caName = new X500Name("CN=Penneo Sandbox Test CA, O=penneo-archive, C=DK");
    X500Name sealName = new X500Name("CN=Penneo Sandbox Seal, O=penneo-archive, C=DK");
    JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();

    X509v3CertificateBuilder ca =
        new JcaX509v3CertificateBuilder(caName, serial(), from, until, caName, caPair.getPublic());
    ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    ca.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    ca.addExtension(
        Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(caPair.getPublic()));
    X509Certificate caCert = sign(ca, caPair.getPrivate());

    X509v3CertificateBuilder seal =
        new JcaX509v3CertificateBuilder(
            caCert, serial(), from, until, sealName, sealPair.getPublic());
    seal.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    seal.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
    seal.addExtension(
        Extension.subjectKeyIdentifier,
        false,
        ext.createSubjectKeyIdentifier(sealPair.getPublic()));
    seal.addExtension(
        Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert));
    X509Certificate sealCert = sign(seal, caPair.getPrivate());

    ks.setKeyEntry(CA_ALIAS, caPair.getPrivate(), STORE_PASSWORD, new Certificate[] {caCert});
    ks.setKeyEntry(
        SEAL_ALIAS, sealPair.getPrivate(), STORE_PASSWORD, new Certificate[] {sealCert, caCert});
    return new TestCa(caCert, sealCert, sealPair.getPrivate());
  }

  private static BigInteger serial() {
    return new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
      throws OperatorCreationException, GeneralSecurityException {
    ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(key);
    X509CertificateHolder holder = builder.build(signer);
    return new JcaX509CertificateConverter().getCertificate(holder);
  }

  public X509Certificate caCertificate() {
    return caCert;
  }

  public X509Certificate sealCertificate() {
    return sealCert;
  }

  public String caPem() {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(caCert.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** RSA-SHA256 over raw bytes with the seal key (the XML signatures' SignatureValue). */
  public byte[] signRaw(byte[] data) {
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(sealKey);
      s.update(data);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A detached CAdES CMS signature over the content (streamed, never held whole): signed attributes
   * content-type, message-digest and signing-certificate-v2 as PAdES baseline wants, no
   * signing-time (PAdES takes the time from the signature dictionary), chain included.
   */
  public byte[] signCmsDetached(InputStream content) {
    try {
      CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
      ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(sealKey);
      JcaSignerInfoGeneratorBuilder info =
          new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build());
      info.setSignedAttributeGenerator(new PadesSignedAttributes(signingCertificateV2()));
      gen.addSignerInfoGenerator(info.build(signer, sealCert));
      gen.addCertificates(new JcaCertStore(List.of(sealCert, caCert)));
      CMSSignedData signed = gen.generate(new StreamedContent(content), false);
      return signed.getEncoded("DER");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
      throw new IllegalStateException("cannot make the CMS signature", e);
    }
  }

  private Attribute signingCertificateV2() throws GeneralSecurityException {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(sealCert.getEncoded());
    IssuerSerial issuerSerial =
        new IssuerSerial(
            new GeneralNames(
                new GeneralName(
                    X500Name.getInstance(sealCert.getIssuerX500Principal().getEncoded()))),
            sealCert.getSerialNumber());
    ESSCertIDv2 id =
        new ESSCertIDv2(
            new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash, issuerSerial);
    return new Attribute(
        PKCSObjectIdentifiers.id_aa_signingCertificateV2,
        new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
  }

  /** BouncyCastle's default signed attributes, minus signing-time, plus signing-certificate-v2. */
  private static final class PadesSignedAttributes implements CMSAttributeTableGenerator {
    private final Attribute signingCertificate;

    PadesSignedAttributes(Attribute signingCertificate) {
      this.signingCertificate = signingCertificate;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public AttributeTable getAttributes(Map parameters) {
      Hashtable<ASN1ObjectIdentifier, Attribute> table = new Hashtable<>();
      table.put(signingCertificate.getAttrType(), signingCertificate);
      AttributeTable base =
          new DefaultSignedAttributeTableGenerator(new AttributeTable(table))
              .getAttributes(parameters);
      return base.remove(CMSAttributes.signingTime);
    }
  }

  /** The byte range of a PDF, read once as it is digested. */
  private static final class StreamedContent implements CMSTypedData {
    private final InputStream in;

    StreamedContent(InputStream in) {
      this.in = in;
    }

    @Override
    public ASN1ObjectIdentifier getContentType() {
      return CMSObjectIdentifiers.data;
    }

    @Override
    public void write(OutputStream out) throws IOException {
      in.transferTo(out);
    }

    @Override
    public Object getContent() {
      return in;
    }
  }
}
