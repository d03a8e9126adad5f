package org.penneoarchive.interfaces.console;

import jakarta.ejb.ApplicationException;
import jakarta.ejb.EJBAccessException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.penneoarchive.application.subscription.InvalidRequestException;
import org.penneoarchive.application.subscription.NotFoundException;

/**
 * How every admin action of the console runs: role check first, then the service call; the outcome
 * is a message on the page the person is sent back to (post-redirect-get), an error says what to
 * do.
 */
final class Actions {

  private static final Logger LOG = Logger.getLogger(Actions.class.getName());

  /** An action body that reports its own success with {@link Feedback#info}. */
  @FunctionalInterface
  interface Body {
    void run();
  }

  private Actions() {}

  /** Runs an admin action and returns the outcome that redirects to {@code page}. */
  static String run(String page, Body body) {
    if (ConsoleAccess.admin()) {
      attempt(body);
    }
    return page + "?faces-redirect=true&includeViewParams=true";
  }

  /** Runs a staff action (tasks) and returns the outcome that redirects to {@code page}. */
  static String runAsStaff(String page, Body body) {
    if (ConsoleAccess.staff()) {
      attempt(body);
    }
    return page + "?faces-redirect=true&includeViewParams=true";
  }

  private static void attempt(Body body) {
    try {
      body.run();
    } catch (InvalidRequestException e) {
      Feedback.error("error.invalid", e.getMessage());
    } catch (NotFoundException e) {
      Feedback.error("error.notFound", e.getMessage());
    } catch (EJBAccessException e) {
      Feedback.error("error.notAdmin");
    } catch (RuntimeException e) {
      if (e.getClass().isAnnotationPresent(ApplicationException.class)) {
        // A refusal the service explains (e.g. Penneo did not accept): its message says why.
        Feedback.error("error.failed", e.getMessage());
      } else {
        LOG.log(Level.WARNING, "Console action failed", e);
        Feedback.error("error.failed", Feedback.text("error.unexpected"));
      }
    }
  }
}
