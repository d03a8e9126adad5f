package org.penneoarchive.interfaces.console;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.penneoarchive.application.subscription.SubscriptionRequest;
import org.penneoarchive.application.subscription.SubscriptionService;
import org.penneoarchive.application.subscription.SubscriptionView;

/**
 * Admin: webhook subscriptions of both Penneo services, and what can be done with them. The service
 * records each action in the audit log with the person's name.
 */
@Named
@ViewScoped
public class SubscriptionsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient SubscriptionService subscriptions;

  private String service = "legacy";
  private String topic = "casefile";
  private String eventTypes = "sign.casefile.completed, sign.casefile.rejected";
  private transient List<SubscriptionView> list;

  @PostConstruct
  void load() {
    list = subscriptions.list();
  }

  public String create() {
    return Actions.run(
        "subscriptions",
        () -> {
          var request =
              new SubscriptionRequest(
                  SubscriptionRequest.parseService(service),
                  topic,
                  "current".equals(service) ? split(eventTypes) : null);
          var s = subscriptions.create(request, ConsoleAccess.user());
          Feedback.info("subscriptions.created.msg", s.id(), s.endpointUrl());
        });
  }

  public String delete(long id) {
    return Actions.run(
        "subscriptions",
        () -> {
          subscriptions.delete(id, ConsoleAccess.user());
          Feedback.info("subscriptions.deleted", id);
        });
  }

  /** Asks Penneo to send a test notification; it shows up as the last notification. */
  public String test(long id) {
    return Actions.run(
        "subscriptions",
        () -> {
          subscriptions.test(id, ConsoleAccess.user());
          Feedback.info("subscriptions.tested", id);
        });
  }

  public String pause(long id, boolean pause) {
    return Actions.run(
        "subscriptions",
        () -> {
          subscriptions.pause(id, pause, ConsoleAccess.user());
          Feedback.info(pause ? "subscriptions.paused" : "subscriptions.resumed", id);
        });
  }

  public String rotate(long id) {
    return Actions.run(
        "subscriptions",
        () -> {
          subscriptions.rotate(id, ConsoleAccess.user());
          Feedback.info("subscriptions.rotated", id);
        });
  }

  private static List<String> split(String s) {
    return s == null
        ? List.of()
        : Arrays.stream(s.split("[,\\s]+")).filter(t -> !t.isBlank()).toList();
  }

  public List<SubscriptionView> getList() {
    return list;
  }

  public String getService() {
    return service;
  }

  public void setService(String service) {
    this.service = service;
  }

  public String getTopic() {
    return topic;
  }

  public void setTopic(String topic) {
    this.topic = topic;
  }

  public String getEventTypes() {
    return eventTypes;
  }

  public void setEventTypes(String eventTypes) {
    this.eventTypes = eventTypes;
  }
}
