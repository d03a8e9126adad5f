package org.penneosandbox.casefile;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The sandbox's case files in memory, by id (ordered, for stable pagination). */
public final class CaseFileStore {
  private final ConcurrentSkipListMap<Long, CaseFile> caseFiles = new ConcurrentSkipListMap<>();
  private final Map<Long, Document> documents = new ConcurrentHashMap<>();
  private final Map<Long, Signer> signers = new ConcurrentHashMap<>();

  public void add(CaseFile cf) {
    cf.documents().forEach(d -> documents.put(d.id(), d));
    cf.signers().forEach(s -> signers.put(s.id(), s));
    caseFiles.put(cf.id(), cf);
  }

  public void remove(CaseFile cf) {
    caseFiles.remove(cf.id());
    cf.documents().forEach(d -> documents.remove(d.id()));
    cf.signers().forEach(s -> signers.remove(s.id()));
  }

  public Optional<CaseFile> caseFile(long id) {
    return Optional.ofNullable(caseFiles.get(id));
  }

  public Optional<Document> document(long id) {
    return Optional.ofNullable(documents.get(id));
  }

  public Optional<Signer> signer(long id) {
    return Optional.ofNullable(signers.get(id));
  }

  /** In id order. */
  public Collection<CaseFile> all() {
    return caseFiles.values();
  }

  public void clear() {
    caseFiles.clear();
    documents.clear();
    signers.clear();
  }
}
