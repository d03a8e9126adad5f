package org.penneoarchive.interfaces.console;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;

/**
 * Server-side role checks for console actions. web.xml already keeps people without a records role
 * out of {@code /console/*} and non-admins out of {@code /console/admin/*}; each action checks
 * again, so that no button reaches a service for a role the person does not have.
 */
final class ConsoleAccess {

  static final String STAFF = "records-staff";
  static final String ADMIN = "records-admin";

  private ConsoleAccess() {}

  static String user() {
    var p = external().getUserPrincipal();
    return p == null ? null : p.getName();
  }

  static boolean isAdmin() {
    return external().isUserInRole(ADMIN);
  }

  /** True when the person is an admin; otherwise says so on the page and returns false. */
  static boolean admin() {
    if (isAdmin()) {
      return true;
    }
    Feedback.error("error.notAdmin");
    return false;
  }

  /** True for staff and admins (tasks); otherwise says so and returns false. */
  static boolean staff() {
    ExternalContext ext = external();
    if (ext.isUserInRole(STAFF) || ext.isUserInRole(ADMIN)) {
      return true;
    }
    Feedback.error("error.notStaff");
    return false;
  }

  private static ExternalContext external() {
    return FacesContext.getCurrentInstance().getExternalContext();
  }
}
