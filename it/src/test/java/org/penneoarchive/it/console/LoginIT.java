package org.penneoarchive.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.penneoarchive.it.support.Deployments;

/** Form login for each role, and the server refusing a role that does not fit the page. */
@ExtendWith(ArquillianExtension.class)
class LoginIT {

  @Deployment(testable = false)
  static EnterpriseArchive product() {
    return Deployments.product();
  }

  static ConsoleBrowser browser;

  @BeforeAll
  static void start() {
    browser = new ConsoleBrowser("en");
  }

  @AfterAll
  static void stop() {
    browser.close();
  }

  @AfterEach
  void signOut() {
    browser.driver.manage().deleteAllCookies();
  }

  @Test
  void staffSeeTheConsoleButNotTheAdminPages() {
    browser.login("it-staff", "it-staff-pw");
    assertEquals("Dashboard · penneo-archive", browser.driver.getTitle());
    assertEquals("it-staff", browser.text("user"));
    assertFalse(browser.present("nav-subscriptions"), "no admin links for staff");

    browser.open("admin/subscriptions.xhtml");
    assertTrue(browser.present("error-forbidden"), "the server refuses an admin page to staff");
    browser.open("admin/deliveries.xhtml");
    assertTrue(browser.present("error-forbidden"));
    browser.open("admin/archive-runs.xhtml");
    assertTrue(browser.present("error-forbidden"), "archive runs are for admins");
    browser.open("index.xhtml");
    assertFalse(browser.present("to-runs"), "no link to the archive runs for staff");
    assertEquals(java.util.List.of(), browser.cspViolations());
  }

  @Test
  void adminsSeeTheAdminPages() {
    browser.login("it-admin", "it-admin-pw");
    assertEquals("it-admin", browser.text("user"));
    browser.click("nav-subscriptions");
    assertEquals("Subscriptions · penneo-archive", browser.driver.getTitle());
    browser.click("nav-deliveries");
    assertEquals("Deliveries · penneo-archive", browser.driver.getTitle());
    browser.click("nav-audit");
    assertEquals("Audit log · penneo-archive", browser.driver.getTitle());
    browser.click("nav-runs");
    assertEquals("Archive runs · penneo-archive", browser.driver.getTitle());
    assertEquals(java.util.List.of(), browser.cspViolations());
  }

  @Test
  void aUserWithoutARecordsRoleIsRefused() {
    browser.login("it-nobody", "it-nobody-pw");
    assertTrue(browser.present("error-forbidden"), "signed in, but no records role");
    assertFalse(browser.present("nav-dashboard"));
  }

  @Test
  void aWrongPasswordSaysSoAndLetsNobodyIn() {
    browser.login("it-admin", "not-the-password");
    assertTrue(browser.present("login-failed"));
    browser.open("index.xhtml");
    assertTrue(browser.present("j_username"), "still the login form");
  }

  @Test
  void signingOutEndsTheSession() {
    browser.login("it-staff", "it-staff-pw");
    browser.signOut();
    browser.open("casefiles.xhtml");
    assertTrue(browser.present("j_username"), "the console asks to sign in again");
    assertTrue(browser.driver.findElements(By.id("casefiles")).isEmpty());
  }
}
