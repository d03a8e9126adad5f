package org.penneoarchive.archive;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Verifies one PAdES signature of a PDF with BouncyCastle, reading the signed bytes from the file
 * range by range: the whole file is never in memory.
 *
 * <p>A signature is valid when its {@code /ByteRange} starts at 0 and leaves one gap that holds
 * exactly the signature's {@code /Contents}; the CMS is a detached SignedData with one signer whose
 * certificate is inside it; the content digest and the signature value verify; for the final seal,
 * the signed bytes reach the end of the file (anything after them is an incremental update made
 * after signing); and the signer certificate chains to a {@link TrustAnchors trust anchor} (PKIX,
 * revocation not checked: the archive keeps what was signed, it does not judge later revocation).
 * The chain is validated at the claimed signing time, because a seal certificate expires long
 * before the archive does. Each failure gives a reason.
 */
final class SealVerifier {

  /**
   * Not installed as a JCA provider: used only here, so the server's providers stay as they are.
   */
  private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

  /**
   * The digest of the signed bytes (nearly the whole file) with the Java runtime's own message
   * digests, which use the CPU's SHA instructions: BouncyCastle's pure-Java SHA-256 runs at about a
   * seventh of their speed and was most of the time of archiving a large PDF. An algorithm the
   * runtime lacks is still computed by BouncyCastle, so that no seal verifies less than before.
   */
  private static final DigestCalculatorProvider DIGESTS = runtimeDigestsFirst();

  /** Bytes of the signed range read and digested at a time. */
  static final int READ_CHUNK = 1024 * 1024;

  private static final String NOT_TRUSTED = "not trusted: ";

  private final int maxSignatureBytes;

  SealVerifier(int maxSignatureBytes) {
    this.maxSignatureBytes = maxSignatureBytes;
  }

  /**
   * The {@code /ByteRange} of a signature as four longs (PDFBox's own accessor is limited to int),
   * or {@code null} when it is missing or malformed.
   */
  static long[] byteRange(PDSignature signature) {
    COSBase base = signature.getCOSObject().getDictionaryObject(COSName.BYTERANGE);
    if (!(base instanceof COSArray array) || array.size() != 4) {
      return null;
    }
    long[] range = new long[4];
    for (int i = 0; i < 4; i++) {
      if (!(array.getObject(i) instanceof COSNumber number)) {
        return null;
      }
      range[i] = number.longValue();
    }
    return range;
  }

  /**
   * @param range the signature's byte range from {@link #byteRange}, or {@code null}
   * @param finalSeal whether this is the last signature, which must cover the file to its end
   * @param checkpoints the file's SHA-256 states from its download, so that a SHA-256 seal's signed
   *     range need not be hashed again; {@link DigestCheckpoints#none()} hashes it
   * @throws IOException only when the file cannot be read; every problem of the PDF itself is a
   *     verdict
   */
  SealCheck verify(
      FileChannel file,
      long fileLength,
      PDSignature signature,
      long[] range,
      boolean finalSeal,
      TrustAnchors trust,
      DigestCheckpoints checkpoints)
      throws IOException {
    Instant claimedTime = toInstant(signature.getSignDate());
    if (range == null) {
      return SealCheck.invalid("the signature has no well-formed /ByteRange", null, claimedTime);
    }
    long gapStart = range[1];
    long gapEnd = range[2];
    if (range[0] != 0
        || gapStart <= 0
        || gapEnd <= gapStart
        || range[3] < 0
        || gapEnd + range[3] > fileLength) {
      return SealCheck.invalid(
          "the /ByteRange " + Arrays.toString(range) + " does not describe this file",
          null,
          claimedTime);
    }
    long gap = gapEnd - gapStart;
    if (gap > 2L * maxSignatureBytes + 2) {
      return SealCheck.invalid(
          "the signature is larger than the limit of " + maxSignatureBytes + " bytes",
          null,
          claimedTime);
    }
    byte[] hole = read(file, gapStart, (int) gap);
    byte[] cms = hole[0] == '<' && hole[hole.length - 1] == '>' ? decodeHex(hole) : null;
    if (cms == null) {
      return SealCheck.invalid(
          "the /ByteRange gap does not hold a hex-encoded signature", null, claimedTime);
    }
    if (!Arrays.equals(cms, signature.getContents())) {
      return SealCheck.invalid(
          "the signature dictionary's /Contents is not the one inside the signed file",
          null,
          claimedTime);
    }
    String subFilter = signature.getSubFilter();
    if (!PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED.getName().equals(subFilter)
        && !PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName().equals(subFilter)) {
      return SealCheck.invalid(
          "the sub-filter " + subFilter + " is not a detached CMS (PAdES) signature",
          null,
          claimedTime);
    }
    return verifyCms(cms, file, checkpoints, fileLength, range, finalSeal, trust, claimedTime);
  }

  private SealCheck verifyCms(
      byte[] cms,
      FileChannel file,
      DigestCheckpoints checkpoints,
      long fileLength,
      long[] range,
      boolean finalSeal,
      TrustAnchors trust,
      Instant claimedTime)
      throws IOException {
    CMSSignedData signed;
    ContentInfo info;
    try (ASN1InputStream in = new ASN1InputStream(cms)) {
      ASN1Primitive object = in.readObject();
      info = object == null ? null : ContentInfo.getInstance(object);
      if (info == null || !CMSObjectIdentifiers.signedData.equals(info.getContentType())) {
        return SealCheck.invalid("the signature is not a CMS SignedData", null, claimedTime);
      }
      // Without its content for now: which digest to compute is known only from the signer.
      signed = new CMSSignedData(info);
    } catch (IOException | CMSException | RuntimeException e) {
      return SealCheck.invalid(
          "the signature is not a readable CMS SignedData: " + e.getMessage(), null, claimedTime);
    }
    if (!signed.isDetachedSignature()) {
      return SealCheck.invalid("the CMS signature is not detached", null, claimedTime);
    }
    Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
    if (signers.size() != 1) {
      return SealCheck.invalid(
          "the CMS holds " + signers.size() + " signers where PAdES allows exactly one",
          null,
          claimedTime);
    }
    SignerInformation signer = signers.iterator().next();
    Collection<X509CertificateHolder> matches = certificatesOf(signed, signer.getSID());
    if (matches.isEmpty()) {
      return SealCheck.invalid(
          "the signer certificate is not included in the signature", null, claimedTime);
    }
    X509CertificateHolder holder = matches.iterator().next();
    X509Certificate certificate;
    List<X509Certificate> included = new ArrayList<>();
    try {
      JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
      certificate = converter.getCertificate(holder);
      for (X509CertificateHolder other : signed.getCertificates().getMatches(null)) {
        included.add(converter.getCertificate(other));
      }
    } catch (CertificateException e) {
      return SealCheck.invalid(
          "a certificate in the signature cannot be read: " + e.getMessage(), null, claimedTime);
    }
    String subject = certificate.getSubjectX500Principal().getName();
    Instant signingTime = cmsSigningTime(signer);
    Instant time = signingTime != null ? signingTime : claimedTime;

    FileRanges content = new FileRanges(file, range);
    SignerInformation withContent;
    try {
      withContent = withSignedContent(signer, info, file, range, checkpoints, content);
    } catch (CMSException | RuntimeException e) {
      return SealCheck.invalid(
          "the signature is not a readable CMS SignedData: " + e.getMessage(), subject, time);
    }
    String failure = verifySignerInfo(withContent, holder, content);
    if (failure != null) {
      return SealCheck.invalid(failure, subject, time);
    }
    long appended = fileLength - (range[2] + range[3]);
    if (finalSeal && appended != 0) {
      return SealCheck.invalid(
          "the file was changed after signing: "
              + appended
              + " bytes (an incremental update) follow the signed bytes",
          subject,
          time);
    }
    String untrusted = chainFailure(certificate, included, trust, time);
    if (untrusted != null) {
      return SealCheck.invalid(untrusted, subject, time);
    }
    return SealCheck.ok(subject, time);
  }

  /**
   * The signer again, now with the signed bytes to verify against: for a SHA-256 signature with
   * signed attributes (PAdES), their digest from the download's checkpoints (only the bytes after
   * the last checkpoint are read); otherwise the ranges, streamed from the file into BouncyCastle's
   * own digest.
   */
  private static SignerInformation withSignedContent(
      SignerInformation signer,
      ContentInfo info,
      FileChannel file,
      long[] range,
      DigestCheckpoints checkpoints,
      FileRanges content)
      throws CMSException, IOException {
    ASN1ObjectIdentifier algorithm = signer.getDigestAlgorithmID().getAlgorithm();
    byte[] digest = null;
    if (NISTObjectIdentifiers.id_sha256.equals(algorithm) && signer.getSignedAttributes() != null) {
      digest = checkpoints.digestOfRange(file, range);
    }
    CMSSignedData signed =
        digest != null
            ? new CMSSignedData(Map.of(algorithm, digest), info)
            : new CMSSignedData(content, info);
    return signed.getSignerInfos().get(signer.getSID());
  }

  /** The reason the signer info does not verify, or {@code null} when it does. */
  private static String verifySignerInfo(
      SignerInformation signer, X509CertificateHolder holder, FileRanges content)
      throws IOException {
    try {
      boolean verified =
          signer.verify(
              new JcaSimpleSignerInfoVerifierBuilder()
                  .setProvider(BOUNCY_CASTLE)
                  .setDigestCalculatorProvider(DIGESTS)
                  .build(holder));
      content.rethrowReadFailure();
      return verified ? null : "the signature value does not verify with the signer certificate";
    } catch (CMSSignerDigestMismatchException e) {
      content.rethrowReadFailure();
      return "the signed bytes were changed after signing: their digest does not match the"
          + " signature";
    } catch (CMSVerifierCertificateNotValidException e) {
      return "the signer certificate was not valid at the signing time";
    } catch (CMSException | OperatorCreationException | CertificateException | RuntimeException e) {
      content.rethrowReadFailure();
      return "the signature cannot be verified: " + e.getMessage();
    }
  }

  private static DigestCalculatorProvider runtimeDigestsFirst() {
    DigestCalculatorProvider runtime;
    DigestCalculatorProvider bouncyCastle;
    try {
      runtime = new JcaDigestCalculatorProviderBuilder().build();
      bouncyCastle = new JcaDigestCalculatorProviderBuilder().setProvider(BOUNCY_CASTLE).build();
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("The digest calculators cannot be created.", e);
    }
    return algorithm -> {
      try {
        return runtime.get(algorithm);
      } catch (OperatorCreationException e) {
        return bouncyCastle.get(algorithm);
      }
    };
  }

  /** Why the certificate does not chain to a trust anchor, or {@code null} when it does. */
  private static String chainFailure(
      X509Certificate certificate,
      List<X509Certificate> included,
      TrustAnchors trust,
      Instant time) {
    if (trust.isEmpty()) {
      return NOT_TRUSTED + "no trust anchors are configured";
    }
    if (trust.contains(certificate)) {
      return null;
    }
    try {
      X509CertSelector target = new X509CertSelector();
      target.setCertificate(certificate);
      PKIXBuilderParameters parameters = new PKIXBuilderParameters(trust.pkixAnchors(), target);
      parameters.setRevocationEnabled(false);
      parameters.setDate(Date.from(time != null ? time : Instant.now()));
      parameters.addCertStore(
          CertStore.getInstance("Collection", new CollectionCertStoreParameters(included)));
      CertPathBuilder.getInstance("PKIX").build(parameters);
      return null;
    } catch (GeneralSecurityException e) {
      return NOT_TRUSTED
          + "the signer certificate does not chain to a trust anchor ("
          + e.getMessage()
          + ")";
    }
  }

  @SuppressWarnings("unchecked") // SignerId is a raw Selector in BouncyCastle's API
  private static Collection<X509CertificateHolder> certificatesOf(
      CMSSignedData signed, SignerId signerId) {
    return signed.getCertificates().getMatches(signerId);
  }

  private static Instant cmsSigningTime(SignerInformation signer) {
    AttributeTable attributes = signer.getSignedAttributes();
    Attribute attribute = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
    if (attribute == null || attribute.getAttrValues().size() != 1) {
      return null;
    }
    try {
      return Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Instant toInstant(Calendar calendar) {
    return calendar == null ? null : calendar.toInstant();
  }

  private static byte[] read(FileChannel file, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (file.read(buffer, position + buffer.position()) < 0) {
        throw new EOFException("The file ended inside a signature's /ByteRange.");
      }
    }
    return buffer.array();
  }

  /** Decodes {@code <hex>} (whitespace allowed, odd length padded), or {@code null}. */
  private static byte[] decodeHex(byte[] hexString) {
    byte[] out = new byte[(hexString.length - 2 + 1) / 2];
    int nibbles = 0;
    for (int i = 1; i < hexString.length - 1; i++) {
      int c = hexString[i];
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0) {
        continue;
      }
      int value = Character.digit(c, 16);
      if (value < 0) {
        return null;
      }
      if (nibbles % 2 == 0) {
        out[nibbles / 2] = (byte) (value << 4);
      } else {
        out[nibbles / 2] |= (byte) value;
      }
      nibbles++;
    }
    return Arrays.copyOf(out, (nibbles + 1) / 2);
  }

  /** The signed bytes, streamed from the file on demand: the content of a detached CMS. */
  private static final class FileRanges implements CMSTypedData {

    private final FileChannel file;
    private final long[] range;
    private IOException readFailure;

    FileRanges(FileChannel file, long[] range) {
      this.file = file;
      this.range = range.clone();
    }

    @Override
    public ASN1ObjectIdentifier getContentType() {
      return CMSObjectIdentifiers.data;
    }

    @Override
    public void write(OutputStream out) throws IOException {
      ByteBuffer buffer = ByteBuffer.allocate(READ_CHUNK);
      try {
        for (int i = 0; i < range.length; i += 2) {
          FileRegions.read(file, range[i], range[i + 1], buffer, out::write);
        }
      } catch (IOException e) {
        readFailure = e;
        throw e;
      }
    }

    @Override
    public Object getContent() {
      return range.clone();
    }

    void rethrowReadFailure() throws IOException {
      if (readFailure != null) {
        throw readFailure;
      }
    }
  }
}
