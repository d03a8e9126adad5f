package org.penneoarchive.interfaces.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/** Who is signed in, and signing out of the console. */
@Named
@RequestScoped
public class SessionBacking {

  public String getUser() {
    return ConsoleAccess.user();
  }

  public boolean isAdmin() {
    return ConsoleAccess.isAdmin();
  }

  public String logout() {
    ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
    ctx.invalidateSession();
    return "/login.xhtml?faces-redirect=true";
  }
}
