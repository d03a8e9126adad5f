package org.penneoarchive.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.penneoarchive.it.support.Deployments;
import org.penneoarchive.it.support.Http;

/** An admin creates a subscription at the sandbox, tests it, sees it confirmed and audited. */
@ExtendWith(ArquillianExtension.class)
class SubscriptionIT {

  @Deployment(name = "product", order = 2, testable = false)
  static EnterpriseArchive product() {
    return Deployments.product();
  }

  @Deployment(name = "sandbox", order = 1, testable = false)
  static WebArchive sandbox() {
    return Deployments.sandbox();
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

  @Test
  void createTestAndSeeTheTestNotificationArrive() {
    browser.login("it-admin", "it-admin-pw");
    long id = Subscriptions.createLegacy(browser, "signer");
    assertTrue(
        Subscriptions.endpoint(browser, id).startsWith(Deployments.productUrl() + "/webhooks/"),
        "the endpoint URL to give Penneo");

    String confirmed =
        Http.await(
            () -> {
              browser.open("admin/subscriptions.xhtml");
              return browser.text("sub-state-" + id);
            },
            "Active"::equals,
            Duration.ofSeconds(60));
    assertEquals("Active", confirmed, "the sandbox sent the token and the product confirmed it");

    browser.click(Subscriptions.button(browser, id, "test"));
    assertTrue(browser.messages().contains("test notification"), browser.messages());
    String last =
        Http.await(
            () -> {
              browser.open("admin/subscriptions.xhtml");
              return browser.text("last-" + id);
            },
            t -> !"none yet".equals(t),
            Duration.ofSeconds(60));
    assertNotEquals("none yet", last, "the test notification arrived at the endpoint");

    browser.open("audit.xhtml?actor=it-admin&q=subscription+" + id);
    String audit = browser.text("audit");
    assertTrue(audit.contains("create subscription"), audit);
    assertTrue(audit.contains("test subscription"), audit);
    assertEquals(List.of(), browser.cspViolations());
  }

  @Test
  void staffCannotReachTheSubscriptionsPage() {
    browser.driver.manage().deleteAllCookies();
    browser.login("it-staff", "it-staff-pw");
    browser.open("admin/subscriptions.xhtml");
    assertTrue(browser.present("error-forbidden"));
    browser.driver.manage().deleteAllCookies();
  }
}
