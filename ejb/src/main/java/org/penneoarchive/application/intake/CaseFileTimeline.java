package org.penneoarchive.application.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.penneoarchive.application.tasks.StaffTaskService;
import org.penneoarchive.domain.event.EventTypes;
import org.penneoarchive.domain.event.PenneoEvent;
import org.penneoarchive.domain.event.Topic;
import org.penneoarchive.domain.signer.SignerEvent;
import org.penneoarchive.domain.signer.SignerStates;
import org.penneoarchive.infrastructure.persistence.CaseFileRepository;
import org.penneoarchive.model.CaseFile;
import org.penneoarchive.model.CaseFileEvent;
import org.penneoarchive.model.Signer;
import org.penneoarchive.model.StaffTask;

/**
 * Puts one Penneo event on its case file's timeline, once per distinct event, and applies it to
 * case-file and signer state. Applying never depends on Penneo answering: enrichment and the API
 * check before {@code COMPLETED} are flagged on the case file and done apart.
 */
@ApplicationScoped
public class CaseFileTimeline {

  private static final Logger LOG = Logger.getLogger(CaseFileTimeline.class.getName());
  static final Set<String> OUTCOMES = Set.of("completed", "rejected", "expired", "failed");

  @Inject CaseFileRepository caseFiles;
  @Inject StaffTaskService tasks;
  @Inject Event<PenneoCheckRequested> checks;

  /** The timeline entry and whether it was new. */
  public record Recorded(CaseFileEvent event, boolean isNew) {}

  public Recorded record(PenneoEvent e, Instant receivedAt, String xEventId) {
    var existing = caseFiles.eventByKey(e.identity().key());
    if (existing.isPresent()) {
      existing.get().deliveredAgain(xEventId);
      return new Recorded(existing.get(), false);
    }
    boolean known = EventTypes.isKnown(e.topic(), e.eventType());
    CaseFileEvent entry = new CaseFileEvent(e, known, receivedAt, xEventId);
    if (e.topic() == Topic.SIGNER) {
      applySignerEvent(e, entry, receivedAt);
    } else if (e.topic() == Topic.CASEFILE) {
      applyCaseFileEvent(e, entry, receivedAt, known);
    }
    caseFiles.addEvent(entry);
    return new Recorded(entry, true);
  }

  private void applyCaseFileEvent(
      PenneoEvent e, CaseFileEvent entry, Instant receivedAt, boolean known) {
    CaseFile cf = caseFiles.getOrCreate(e.subjectId(), receivedAt);
    if (cf.eventArrived(e.eventTime(), receivedAt)) {
      entry.markLate();
    }
    cf.titleFromPayload(e.title());
    var before = cf.getState();
    if (known && OUTCOMES.contains(e.eventType())) {
      cf.outcomeSeen(e.eventType(), e.eventTime());
      openTask(e, cf);
    }
    if (cf.needsCheck()) {
      checks.fire(new PenneoCheckRequested(cf.getPenneoId()));
    }
    if (before != cf.getState()) {
      LOG.info(
          () ->
              "Case file "
                  + cf.getPenneoId()
                  + ": "
                  + e.eventType()
                  + " at "
                  + e.eventTime()
                  + " moved it from "
                  + before
                  + " to "
                  + cf.getState());
    } else {
      LOG.fine(() -> "Case file " + cf.getPenneoId() + ": " + e.eventType() + " recorded");
    }
  }

  private void openTask(PenneoEvent e, CaseFile cf) {
    StaffTask.Kind kind =
        switch (e.eventType()) {
          case "rejected" -> StaffTask.Kind.CASEFILE_REJECTED;
          case "expired" -> StaffTask.Kind.CASEFILE_EXPIRED;
          case "failed" -> StaffTask.Kind.CASEFILE_FAILED;
          default -> null;
        };
    if (kind != null) {
      String what =
          switch (kind) {
            case CASEFILE_REJECTED -> "was rejected by a signer";
            case CASEFILE_EXPIRED -> "expired before everyone signed";
            default -> "failed at Penneo (this may need Penneo's support)";
          };
      tasks.openIfAbsent(
          kind,
          cf.getPenneoId(),
          null,
          "Case file " + cf.getPenneoId() + " " + what + " (" + e.eventTime() + ")");
    }
  }

  private void applySignerEvent(PenneoEvent e, CaseFileEvent entry, Instant receivedAt) {
    Signer signer = caseFiles.getOrCreateSigner(e.subjectId(), e.caseFileId(), receivedAt);
    Long caseFileId = e.caseFileId() != null ? e.caseFileId() : signer.getCaseFilePenneoId();
    if (caseFileId != null) {
      entry.attachToCaseFile(caseFileId);
      CaseFile cf = caseFiles.getOrCreate(caseFileId, receivedAt);
      if (cf.eventArrived(e.eventTime(), receivedAt)) {
        entry.markLate();
      }
    }
    List<SignerEvent> history =
        new java.util.ArrayList<>(
            caseFiles.signerEvents(e.subjectId()).stream()
                .map(x -> new SignerEvent(x.getEventType(), x.getEventTime()))
                .toList());
    history.add(new SignerEvent(e.eventType(), e.eventTime()));
    var state = SignerStates.latest(history);
    signer.state(state, e.eventTime());
    if ("undeliverable".equals(e.eventType())) {
      tasks.openIfAbsent(
          StaffTask.Kind.SIGNER_UNDELIVERABLE,
          caseFileId,
          e.subjectId(),
          "Penneo cannot deliver the signing request to signer "
              + e.subjectId()
              + ": check the signer's e-mail address");
    }
    LOG.fine(
        () ->
            "Signer "
                + e.subjectId()
                + " of case file "
                + (caseFileId == null ? "(not yet known)" : caseFileId)
                + ": "
                + e.eventType());
  }
}
