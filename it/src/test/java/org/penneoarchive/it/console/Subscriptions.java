package org.penneoarchive.it.console;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The subscriptions page as the tests drive it. */
final class Subscriptions {

  private Subscriptions() {}

  /** Creates a legacy subscription through the page; returns its id (the newest on the page). */
  static long createLegacy(ConsoleBrowser b, String topic) {
    b.open("admin/subscriptions.xhtml");
    b.byId("create:service:0").click();
    new org.openqa.selenium.support.ui.Select(b.byId("create:topic")).selectByValue(topic);
    b.click("create:submit");
    if (!b.messages().contains("created")) {
      throw new AssertionError("no subscription created: " + b.messages());
    }
    List<WebElement> all = b.driver.findElements(By.cssSelector("article.subscription"));
    String id = all.get(all.size() - 1).getDomAttribute("id");
    return Long.parseLong(id.substring("subscription-".length()));
  }

  static String endpoint(ConsoleBrowser b, long id) {
    return b.text("endpoint-" + id);
  }

  /** The button {@code action} (test, pause, resume, rotate, delete) of subscription {@code id}. */
  static String button(ConsoleBrowser b, long id, String action) {
    return b.driver
        .findElement(By.cssSelector("#subscription-" + id + " input[id$=':" + action + "']"))
        .getDomAttribute("id");
  }
}
