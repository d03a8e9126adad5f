package org.penneoarchive.infrastructure.persistence;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.penneoarchive.model.CaseFile;
import org.penneoarchive.model.CaseFileEvent;
import org.penneoarchive.model.Signer;

/**
 * What one transaction read ahead for a group of notifications ({@link
 * CaseFileRepository#prefetch}), kept up to date with what it added since: for each key asked for,
 * the row or the knowledge that there is none. A key not asked for is not known here ({@code
 * null}), and its lookup reads the database. Bound to one transaction, used by one thread.
 */
final class PrefetchedRows {

  final Map<String, Boolean> deliveries = new HashMap<>();
  final Map<String, Optional<CaseFileEvent>> events = new HashMap<>();
  final Map<Long, Optional<CaseFile>> caseFiles = new HashMap<>();
  final Map<Long, Optional<Signer>> signers = new HashMap<>();
}
