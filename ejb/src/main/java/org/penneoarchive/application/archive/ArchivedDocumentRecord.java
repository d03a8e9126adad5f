package org.penneoarchive.application.archive;

/**
 * What the archive job learnt about one document, to be recorded when its bag is in place.
 *
 * @param penneoDocumentId Penneo's document id
 * @param fileName the file name inside the bag's {@code data/}
 * @param sealReason "valid", or why the seal does not verify
 * @param xadesFiles how many XAdES files were extracted from the PDF into the bag
 * @param path the absolute path of the PDF in the archive
 */
public record ArchivedDocumentRecord(
    long penneoDocumentId,
    String title,
    String fileName,
    long size,
    int pages,
    String sha256,
    String sha512,
    boolean signatureValid,
    String sealReason,
    String signerSubject,
    int xadesFiles,
    String path) {}
