package org.penneoarchive.archive;

import java.time.Instant;

/**
 * The verdict on one PAdES signature of a PDF: stored per document and written into {@code
 * casefile.json}, so that records staff can see why a seal did not verify.
 *
 * @param present whether the PDF has a signature at all
 * @param valid whether the signature verifies over its byte range, its certificate chains to a
 *     trust anchor, and nothing was appended after the last signature
 * @param reason "valid", or the first reason it is not, as a sentence fragment
 * @param signerSubject the signer certificate's subject (RFC 2253), or {@code null} if not found
 * @param signingTime the signing time claimed in the CMS (or else the signature dictionary), or
 *     {@code null}
 */
public record SealCheck(
    boolean present, boolean valid, String reason, String signerSubject, Instant signingTime) {

  static final String VALID = "valid";

  /** The verdict for a PDF without any signature. */
  public static SealCheck absent() {
    return new SealCheck(false, false, "the PDF has no signature", null, null);
  }

  static SealCheck invalid(String reason, String signerSubject, Instant signingTime) {
    return new SealCheck(true, false, reason, signerSubject, signingTime);
  }

  static SealCheck ok(String signerSubject, Instant signingTime) {
    return new SealCheck(true, true, VALID, signerSubject, signingTime);
  }
}
