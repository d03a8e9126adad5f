package org.penneoarchive.archive;

import java.util.List;

/**
 * What {@link PdfInspector} found in a PDF that parses.
 *
 * @param pages the page count
 * @param attachments the embedded files, in name-tree order
 * @param seals one verdict per signature, ordered by where its signed bytes end (the last one is
 *     the document's final seal); empty for an unsigned PDF
 */
public record PdfReport(int pages, List<Attachment> attachments, List<SealCheck> seals) {

  public PdfReport {
    attachments = List.copyOf(attachments);
    seals = List.copyOf(seals);
  }

  /** True when the PDF is signed and every signature on it is valid. */
  public boolean sealValid() {
    return !seals.isEmpty() && seals.stream().allMatch(SealCheck::valid);
  }

  /**
   * The one verdict to record for the document: {@link SealCheck#absent()} if unsigned, else the
   * first invalid signature, else the final seal.
   */
  public SealCheck seal() {
    if (seals.isEmpty()) {
      return SealCheck.absent();
    }
    return seals.stream().filter(s -> !s.valid()).findFirst().orElse(seals.get(seals.size() - 1));
  }
}
