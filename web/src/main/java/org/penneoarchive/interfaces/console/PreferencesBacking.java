package org.penneoarchive.interfaces.console;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * The console's language: first the browser's (Faces matches Accept-Language against the locales of
 * faces-config.xml), then whatever the person picks with the switch, for the rest of the session.
 */
@Named("prefs")
@SessionScoped
public class PreferencesBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  static final List<String> LANGUAGES = List.of("en", "da");

  private Locale chosen;

  public Locale getLocale() {
    if (chosen != null) {
      return chosen;
    }
    FacesContext ctx = FacesContext.getCurrentInstance();
    return ctx.getApplication().getViewHandler().calculateLocale(ctx);
  }

  public String getLanguage() {
    return getLocale().getLanguage();
  }

  /** Switches the language and shows the same page again (a redirect keeps its parameters). */
  public String use(String language) {
    if (LANGUAGES.contains(language)) {
      chosen = Locale.forLanguageTag(language);
    }
    FacesContext ctx = FacesContext.getCurrentInstance();
    return ctx.getViewRoot().getViewId() + "?faces-redirect=true&includeViewParams=true";
  }
}
