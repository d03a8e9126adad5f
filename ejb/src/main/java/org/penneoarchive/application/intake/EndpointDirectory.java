package org.penneoarchive.application.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.penneoarchive.application.subscription.SubscriptionsChanged;
import org.penneoarchive.infrastructure.persistence.SubscriptionRepository;

/**
 * Endpoint keys to subscriptions, cached: the receiver then answers without touching the database,
 * and its transaction holds only the JMS send (one-phase commit). Every change to a subscription
 * empties the cache once committed. Unknown keys are not cached, so random keys cannot fill it; the
 * cache is bounded all the same.
 */
@ApplicationScoped
public class EndpointDirectory {

  static final int MAX_ENTRIES = 10_000;

  @Inject SubscriptionRepository subscriptions;

  private final Map<String, EndpointRoute> routes = new ConcurrentHashMap<>();

  Optional<EndpointRoute> route(String key) {
    EndpointRoute cached = routes.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<EndpointRoute> found = subscriptions.byEndpointKey(key).map(EndpointRoute::of);
    if (found.isPresent()) {
      if (routes.size() >= MAX_ENTRIES) {
        routes.clear();
      }
      routes.put(key, found.get());
    }
    return found;
  }

  void onChange(@Observes(during = TransactionPhase.AFTER_COMPLETION) SubscriptionsChanged change) {
    routes.clear();
  }
}
