package org.penneoarchive.archive;

import java.nio.file.Path;

/**
 * An embedded file written out of a PDF by {@link PdfInspector#extractAttachments}, ready to be a
 * {@link BagEntry}.
 *
 * @param name the attachment's name inside the PDF
 * @param fileName the safe name it was written under (from {@link ArchiveFileNames})
 * @param path where it was written
 */
public record ExtractedAttachment(
    String name, String fileName, Path path, long size, String sha256Hex, String sha512Hex) {

  public BagEntry toBagEntry() {
    return new BagEntry(fileName, path, size, sha256Hex, sha512Hex);
  }
}
