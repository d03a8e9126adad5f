package org.penneoarchive.application.subscription;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.penneoarchive.infrastructure.persistence.SubscriptionRepository;
import org.penneoarchive.model.Subscription;

/**
 * Subscriptions: the endpoint key is generated and stored first, so that a confirmation token that
 * Penneo sends at once always finds its subscription.
 */
@Stateless
public class SubscriptionService {

  private static final Logger LOG = Logger.getLogger(SubscriptionService.class.getName());

  @Inject SubscriptionRepository subscriptions;

  @Inject
  @ConfigProperty(name = "app.public-url")
  String publicUrl;

  private final Clock clock = Clock.systemUTC();

  public SubscriptionView create(SubscriptionRequest request) {
    Subscription s =
        new Subscription(
            request.service(),
            request.topic(),
            request.eventTypes(),
            EndpointKeys.newKey(),
            clock.instant());
    subscriptions.add(s);
    LOG.info(
        () ->
            "Subscription "
                + s.getId()
                + " created ("
                + request.service().wireName()
                + (request.topic() != null ? " topic " + request.topic() : "")
                + ")");
    return view(s);
  }

  public List<SubscriptionView> list() {
    return subscriptions.all().stream().map(s -> view(s)).toList();
  }

  public SubscriptionView get(long id) {
    return view(find(id));
  }

  public void delete(long id) {
    subscriptions.remove(find(id));
    LOG.info(() -> "Subscription " + id + " deleted");
  }

  private SubscriptionView view(Subscription s) {
    return SubscriptionView.of(s, publicUrl, subscriptions.lastCallAt(s).orElse(null));
  }

  private Subscription find(long id) {
    return subscriptions
        .byId(id)
        .orElseThrow(() -> new NotFoundException("no subscription with id " + id));
  }
}
