package org.penneoarchive.interfaces.console;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.penneoarchive.application.archive.ArchiveJobs;
import org.penneoarchive.application.casefile.CaseFileActions;
import org.penneoarchive.application.casefile.CaseFileQueryService;
import org.penneoarchive.application.casefile.CaseFileView;
import org.penneoarchive.application.casefile.CaseFileView.EventView;
import org.penneoarchive.application.subscription.NotFoundException;

/** One case file: state, signers each with their own timeline, the case file's own events. */
@Named
@ViewScoped
public class CaseFileBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient CaseFileQueryService caseFiles;
  @Inject transient CaseFileActions actions;
  @Inject transient ArchiveJobs archive;

  private Long id;
  private CaseFileView caseFile;

  /** The f:viewAction: an unknown id is a 404, the same as an unknown page. */
  public void load() throws IOException {
    try {
      caseFile = id == null ? null : caseFiles.get(id);
    } catch (NotFoundException e) {
      caseFile = null;
    }
    if (caseFile == null) {
      FacesContext ctx = FacesContext.getCurrentInstance();
      ctx.getExternalContext().responseSendError(404, "no such case file");
      ctx.responseComplete();
    }
  }

  /** Admin: read title, signers and status again from Penneo's API. */
  public String recheck() {
    return Actions.run(
        "casefile",
        () -> {
          actions.recheck(id, ConsoleAccess.user());
          Feedback.info("casefile.rechecked", id);
        });
  }

  /** Admin: archive again after a failure (or a quarantine that has been dealt with). */
  public String archiveAgain() {
    return Actions.run(
        "casefile",
        () ->
            Feedback.info(
                "casefile.archiving", id, archive.archiveAgain(id, ConsoleAccess.user())));
  }

  public CaseFileView getCaseFile() {
    return caseFile;
  }

  /** The events of one signer, by event time (repeats are one entry with a count). */
  public List<EventView> signerEvents(long signerId) {
    return caseFile.events().stream().filter(e -> Objects.equals(e.signerId(), signerId)).toList();
  }

  /** Events of the case file itself (topic casefile), by event time. */
  public List<EventView> getCaseFileEvents() {
    return caseFile.events().stream().filter(e -> e.signerId() == null).toList();
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }
}
