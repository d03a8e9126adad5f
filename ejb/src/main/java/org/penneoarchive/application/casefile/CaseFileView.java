package org.penneoarchive.application.casefile;

import java.time.Instant;
import java.util.List;
import org.penneoarchive.application.archive.ArchivedDocumentView;

/**
 * A case file with its timeline, signers and archived documents, as the API and the console show
 * it.
 */
public record CaseFileView(
    long penneoId,
    String title,
    String state,
    Integer penneoStatus,
    boolean deletedAtPenneo,
    String quarantineReason,
    Instant completedAt,
    Instant lastActivityAt,
    List<EventView> events,
    List<SignerView> signers,
    String bag,
    List<ArchivedDocumentView> documents) {

  /** One distinct event; {@code deliveries} counts its arrivals. */
  public record EventView(
      String topic,
      String eventType,
      Instant eventTime,
      Instant receivedAt,
      int deliveries,
      boolean late,
      boolean knownType,
      Long signerId) {}

  public record SignerView(long penneoId, String name, String state) {}
}
