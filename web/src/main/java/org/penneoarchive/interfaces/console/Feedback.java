package org.penneoarchive.interfaces.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Visible feedback for every console action, in the viewer's language: a message that survives the
 * redirect after the POST (flash), so that reloading the page never repeats the action.
 */
final class Feedback {

  static final String BUNDLE = "org.penneoarchive.interfaces.console.messages";

  private Feedback() {}

  static void info(String key, Object... args) {
    add(FacesMessage.SEVERITY_INFO, key, args);
  }

  static void error(String key, Object... args) {
    add(FacesMessage.SEVERITY_ERROR, key, args);
  }

  static String text(String key, Object... args) {
    FacesContext ctx = FacesContext.getCurrentInstance();
    ResourceBundle b = ResourceBundle.getBundle(BUNDLE, ctx.getViewRoot().getLocale());
    try {
      // Ids are names, not quantities: "case file 1001", never "1,001".
      Object[] shown = new Object[args.length];
      for (int i = 0; i < args.length; i++) {
        shown[i] =
            args[i] instanceof Long || args[i] instanceof Integer ? args[i].toString() : args[i];
      }
      return new MessageFormat(b.getString(key), b.getLocale()).format(shown);
    } catch (MissingResourceException e) {
      return key;
    }
  }

  private static void add(FacesMessage.Severity severity, String key, Object... args) {
    FacesContext ctx = FacesContext.getCurrentInstance();
    String text = text(key, args);
    ctx.addMessage(null, new FacesMessage(severity, text, text));
    ctx.getExternalContext().getFlash().setKeepMessages(true);
  }
}
