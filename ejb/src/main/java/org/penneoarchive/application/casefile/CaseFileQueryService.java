package org.penneoarchive.application.casefile;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.penneoarchive.application.archive.ArchiveRecords;
import org.penneoarchive.application.subscription.InvalidRequestException;
import org.penneoarchive.application.subscription.NotFoundException;
import org.penneoarchive.domain.casefile.CaseFileState;
import org.penneoarchive.infrastructure.persistence.CaseFileRepository;
import org.penneoarchive.model.CaseFile;

/** Reads case files for the API and the console. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CaseFileQueryService {

  public static final int MAX_PAGE_SIZE = 200;

  @Inject CaseFileRepository caseFiles;
  @Inject ArchiveRecords archive;

  public Page<CaseFileSummary> search(String state, String q, int page, int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidRequestException("page must be ≥ 0 and size between 1 and " + MAX_PAGE_SIZE);
    }
    CaseFileState s = parseState(state);
    String query = q == null || q.isBlank() ? null : q.strip();
    if (query != null && query.length() > 200) {
      throw new InvalidRequestException("q is longer than 200 characters");
    }
    var items =
        caseFiles.search(s, query, page, size).stream()
            .map(
                c ->
                    new CaseFileSummary(
                        c.getPenneoId(),
                        c.getTitle(),
                        c.getState().name(),
                        c.getPenneoStatus(),
                        c.getLastActivityAt()))
            .toList();
    return new Page<>(items, page, size, caseFiles.count(s, query));
  }

  public CaseFileView get(long penneoId) {
    CaseFile c =
        caseFiles
            .byPenneoId(penneoId)
            .orElseThrow(() -> new NotFoundException("no case file with Penneo id " + penneoId));
    var events =
        caseFiles.events(penneoId).stream()
            .map(
                e ->
                    new CaseFileView.EventView(
                        e.getTopic(),
                        e.getEventType(),
                        e.getEventTime(),
                        e.getFirstReceivedAt(),
                        e.getDeliveries(),
                        e.isLate(),
                        e.isKnownType(),
                        e.getSignerPenneoId()))
            .toList();
    var signers =
        caseFiles.signers(penneoId).stream()
            .map(
                s ->
                    new CaseFileView.SignerView(
                        s.getPenneoId(),
                        s.getName(),
                        s.getState() == null ? null : s.getState().name()))
            .toList();
    return new CaseFileView(
        c.getPenneoId(),
        c.getTitle(),
        c.getState().name(),
        c.getPenneoStatus(),
        c.isDeletedAtPenneo(),
        c.getQuarantineReason(),
        c.getCompletedAt(),
        c.getLastActivityAt(),
        events,
        signers,
        c.getBagPath(),
        archive.documents(penneoId));
  }

  private static CaseFileState parseState(String state) {
    if (state == null || state.isBlank()) {
      return null;
    }
    try {
      return CaseFileState.valueOf(state.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("unknown state " + state);
    }
  }
}
