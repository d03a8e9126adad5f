package org.penneoarchive.batch.fixity;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.nio.file.Path;
import org.penneoarchive.archive.FixityAuditor;

/** Re-hashes one bag against its manifests; never throws for a damaged bag. */
@Dependent
@Named("bagAuditProcessor")
public class BagAuditProcessor implements ItemProcessor {

  private final FixityAuditor auditor = new FixityAuditor();

  @Override
  public Object processItem(Object item) {
    return auditor.audit(Path.of((String) item));
  }
}
