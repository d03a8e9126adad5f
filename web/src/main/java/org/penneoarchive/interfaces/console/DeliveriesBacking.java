package org.penneoarchive.interfaces.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.penneoarchive.application.casefile.Page;
import org.penneoarchive.application.intake.DeliveryQueryService;
import org.penneoarchive.application.intake.RejectedDeliveryView;

/** Admin: refused webhook calls with their reasons and the start of what was sent. */
@Named
@ViewScoped
public class DeliveriesBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int SIZE = 25;

  @Inject transient DeliveryQueryService deliveries;

  private int page;
  private transient Page<RejectedDeliveryView> rejected;

  public void load() {
    rejected = deliveries.rejected(Math.max(0, page), SIZE);
  }

  public Page<RejectedDeliveryView> getRejected() {
    return rejected != null ? rejected : new Page<>(java.util.List.of(), 0, SIZE, 0);
  }

  public long getPageCount() {
    return Math.max(1, (getRejected().total() + SIZE - 1) / SIZE);
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = page;
  }
}
