package org.penneoarchive.interfaces.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/** Signing out of the console. */
@Named
@RequestScoped
public class SessionBacking {

  public String logout() {
    ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
    ctx.invalidateSession();
    return "/login.xhtml?faces-redirect=true";
  }
}
