package org.penneoarchive.application.penneo;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.penneoarchive.infrastructure.penneo.CaseFileInfo;
import org.penneoarchive.infrastructure.penneo.SignerInfo;

/**
 * What one look at Penneo's API found about a case file: its description and signers (empty when
 * Penneo does not have it), or why the look failed.
 *
 * @param caseFilePenneoId the case file looked at
 * @param info Penneo's description; empty when Penneo answered that it has no such case file
 * @param signers the case file's signers (empty when {@code info} is)
 * @param error why the look failed (Penneo unreachable, refused, not configured), or {@code null}
 */
public record CaseFileCheck(
    long caseFilePenneoId, Optional<CaseFileInfo> info, List<SignerInfo> signers, String error) {

  public CaseFileCheck {
    Objects.requireNonNull(info, "info");
    signers = List.copyOf(signers);
  }

  static CaseFileCheck found(long id, Optional<CaseFileInfo> info, List<SignerInfo> signers) {
    return new CaseFileCheck(id, info, signers, null);
  }

  static CaseFileCheck failed(long id, String error) {
    return new CaseFileCheck(id, Optional.empty(), List.of(), Objects.requireNonNull(error));
  }

  boolean isFailure() {
    return error != null;
  }
}
