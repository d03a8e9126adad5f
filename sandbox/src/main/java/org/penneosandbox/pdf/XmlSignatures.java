package org.penneosandbox.pdf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.Base64;

/**
 * The two XML files Penneo embeds per signer: "Signed data for …" (what the signer agreed to) and
 * "Signature for …" (an XMLDSig/XAdES-shaped signature over it). The SignatureValue is a real
 * RSA-SHA256 signature by the seal key, but over the SignedInfo bytes as written rather than their
 * canonical form: these files look and parse like Penneo's, they are not meant for XAdES tooling.
 */
final class XmlSignatures {

  private XmlSignatures() {}

  static byte[] signedData(PdfSpec spec, PdfSpec.SignerRef signer) {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<SignedData xmlns=\"urn:penneo-sandbox:signed-data\" Id=\"signed-data-"
            + signer.id()
            + "\">\n"
            + "  <CaseFile id=\""
            + spec.caseFileId()
            + "\">"
            + escape(spec.caseFileTitle())
            + "</CaseFile>\n"
            + "  <Document id=\""
            + spec.documentId()
            + "\">"
            + escape(spec.title())
            + "</Document>\n"
            + "  <Signer id=\""
            + signer.id()
            + "\">"
            + escape(signer.name())
            + "</Signer>\n"
            + "  <SignedAt>"
            + spec.signedAt()
            + "</SignedAt>\n"
            + "  <Statement>I have read and I accept the document &quot;"
            + escape(spec.title())
            + "&quot;.</Statement>\n"
            + "</SignedData>\n";
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] signature(TestCa ca, PdfSpec.SignerRef signer, byte[] signedData, Instant at) {
    String sigId = "signature-" + signer.id();
    String signedInfo =
        "<ds:SignedInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">"
            + "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"
            + "<ds:SignatureMethod"
            + " Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>"
            + "<ds:Reference URI=\"#signed-data-"
            + signer.id()
            + "\"><ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>"
            + "<ds:DigestValue>"
            + b64(sha256(signedData))
            + "</ds:DigestValue></ds:Reference></ds:SignedInfo>";
    byte[] value = ca.signRaw(signedInfo.getBytes(StandardCharsets.UTF_8));
    String cert;
    try {
      cert = b64(ca.sealCertificate().getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" Id=\""
            + sigId
            + "\">"
            + signedInfo
            + "<ds:SignatureValue>"
            + b64(value)
            + "</ds:SignatureValue>"
            + "<ds:KeyInfo><ds:X509Data><ds:X509Certificate>"
            + cert
            + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo>"
            + "<ds:Object><xades:QualifyingProperties"
            + " xmlns:xades=\"http://uri.etsi.org/01903/v1.3.2#\" Target=\"#"
            + sigId
            + "\"><xades:SignedProperties><xades:SignedSignatureProperties><xades:SigningTime>"
            + at
            + "</xades:SigningTime><xades:SignerRole><xades:ClaimedRoles><xades:ClaimedRole>"
            + escape(signer.name())
            + "</xades:ClaimedRole></xades:ClaimedRoles></xades:SignerRole>"
            + "</xades:SignedSignatureProperties></xades:SignedProperties>"
            + "</xades:QualifyingProperties></ds:Object></ds:Signature>\n";
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> {
          // XML 1.0 forbids most control characters even escaped.
          if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String b64(byte[] data) {
    return Base64.getEncoder().encodeToString(data);
  }
}
