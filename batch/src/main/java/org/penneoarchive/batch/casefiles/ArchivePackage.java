package org.penneoarchive.batch.casefiles;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.penneoarchive.application.archive.ArchivedDocumentRecord;
import org.penneoarchive.archive.BagEntry;

/**
 * A case file ready to be bagged: its downloaded and checked files in a work folder on the
 * archive's file system, its {@code casefile.json}, and what to record per document. Lives only in
 * memory between the processor and the writer; the work folder is deleted after the write.
 *
 * @param documents per document, with {@code path} still to be set to the bag's
 */
public record ArchivePackage(
    long caseFileId,
    Instant completedAt,
    List<BagEntry> payload,
    byte[] caseFileJson,
    List<ArchivedDocumentRecord> documents,
    Path workDir) {

  public ArchivePackage {
    payload = List.copyOf(payload);
    documents = List.copyOf(documents);
  }

  /** Bytes of the payload files. */
  public long payloadBytes() {
    return payload.stream().mapToLong(BagEntry::size).sum();
  }
}
