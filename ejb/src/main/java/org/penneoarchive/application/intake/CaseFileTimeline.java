package org.penneoarchive.application.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.penneoarchive.domain.event.EventTypes;
import org.penneoarchive.domain.event.PenneoEvent;
import org.penneoarchive.domain.event.Topic;
import org.penneoarchive.domain.signer.SignerEvent;
import org.penneoarchive.domain.signer.SignerStates;
import org.penneoarchive.infrastructure.persistence.CaseFileRepository;
import org.penneoarchive.model.CaseFile;
import org.penneoarchive.model.CaseFileEvent;
import org.penneoarchive.model.Signer;

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

  private void applySignerEvent(PenneoEvent e, CaseFileEvent entry, Instant receivedAt) {
    Signer signer = caseFiles.getOrCreateSigner(e.subjectId(), e.caseFileId());
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
