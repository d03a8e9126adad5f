package org.penneoarchive.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.penneoarchive.it.support.Deployments;

/** The browser's language picks Danish; the switch changes it for the rest of the session. */
@ExtendWith(ArquillianExtension.class)
class LanguageIT {

  @Deployment(testable = false)
  static EnterpriseArchive product() {
    return Deployments.product();
  }

  static ConsoleBrowser browser;

  @BeforeAll
  static void start() {
    browser = new ConsoleBrowser("da");
  }

  @AfterAll
  static void stop() {
    browser.close();
  }

  @Test
  void danishFromTheBrowserThenEnglishByTheSwitchThenBack() {
    browser.open("index.xhtml");
    assertEquals("Log ind · penneo-archive", browser.driver.getTitle(), "Accept-Language: da");
    assertEquals(
        "da",
        browser.driver.findElement(org.openqa.selenium.By.tagName("html")).getDomAttribute("lang"));

    browser.click("lang:en");
    assertEquals("Sign in · penneo-archive", browser.driver.getTitle());

    browser.type("j_username", "it-staff");
    browser.type("j_password", "it-staff-pw");
    browser.click("signin");
    assertEquals(
        "Dashboard · penneo-archive", browser.driver.getTitle(), "the choice survives login");

    browser.click("lang:da");
    assertEquals("Overblik · penneo-archive", browser.driver.getTitle());
    assertEquals("Sager", browser.text("nav-casefiles"));
    browser.click("nav-casefiles");
    assertEquals("Sager · penneo-archive", browser.driver.getTitle(), "and holds on the next page");
    assertEquals(java.util.List.of(), browser.cspViolations());
  }
}
