package org.penneoarchive.application.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.penneoarchive.application.subscription.SubscriptionRequest;
import org.penneoarchive.application.subscription.SubscriptionService;
import org.penneoarchive.application.subscription.SubscriptionView;
import org.penneoarchive.domain.event.EventTypes;
import org.penneoarchive.health.ReadinessGate;
import org.penneoarchive.model.WebhookService;

/**
 * The demo run only ({@code app.demo=true}): prints the demo users and, once the product answers,
 * subscribes it to the sandbox on both webhook services (legacy {@code casefile} and {@code
 * signer}, and the current service with every event type). The sandbox then plays its demo case
 * files. Tests and production never set {@code app.demo}.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoBootstrap {

  private static final Logger LOG = Logger.getLogger(DemoBootstrap.class.getName());
  private static final long RETRY_MS = 5_000;
  private static final int MAX_TRIES = 60;

  @Resource TimerService timers;
  @Inject SubscriptionService subscriptions;

  @Inject
  @ConfigProperty(name = "app.demo", defaultValue = "false")
  boolean demo;

  private int tries;

  @PostConstruct
  void start() {
    if (!demo) {
      return;
    }
    LOG.info(
        "Demo run: sign in to http://localhost:8080/penneo-archive/ as staff/staff"
            + " (records-staff) or admin/admin (records-staff, records-admin)");
    timers.createSingleActionTimer(RETRY_MS, new TimerConfig("demo-subscribe", false));
  }

  @Timeout
  void subscribe() {
    tries++;
    if (ReadinessGate.openedAt() == null) {
      retry("the product is still starting");
      return;
    }
    try {
      // The sandbox keeps its subscriptions in memory: after a restart ours are gone there.
      subscriptions.missingAtPenneo().forEach(subscriptions::lostAtPenneo);
      List<SubscriptionView> existing = subscriptions.list();
      ensure(existing, WebhookService.LEGACY, "casefile");
      ensure(existing, WebhookService.LEGACY, "signer");
      ensure(existing, WebhookService.CURRENT, null);
      LOG.info("Demo run: subscribed to the Penneo sandbox on both webhook services");
    } catch (RuntimeException e) {
      retry(e.getMessage());
    }
  }

  private void ensure(List<SubscriptionView> existing, WebhookService service, String topic) {
    boolean present =
        existing.stream()
            .anyMatch(
                s ->
                    s.service().equals(service.wireName())
                        && (topic == null || topic.equals(s.topic()))
                        && !"FAILED".equals(s.state()));
    if (!present) {
      List<String> types = service == WebhookService.CURRENT ? EventTypes.allCurrentNames() : null;
      subscriptions.create(new SubscriptionRequest(service, topic, types), "demo");
    }
  }

  private void retry(String why) {
    if (tries >= MAX_TRIES) {
      LOG.warning(() -> "Demo run: giving up subscribing to the sandbox: " + why);
      return;
    }
    LOG.info(() -> "Demo run: not subscribed yet (" + why + "), trying again in 5 s");
    timers.createSingleActionTimer(RETRY_MS, new TimerConfig("demo-subscribe", false));
  }
}
