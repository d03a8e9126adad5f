package org.penneosandbox.lifecycle;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.penneosandbox.casefile.CaseFile;
import org.penneosandbox.casefile.CaseFileJson;
import org.penneosandbox.casefile.CaseFileService;
import org.penneosandbox.casefile.CaseFileStore;
import org.penneosandbox.casefile.Signer;
import org.penneosandbox.casefile.Status;
import org.penneosandbox.json.ApiException;
import org.penneosandbox.webhook.LifecycleEvent;
import org.penneosandbox.webhook.SubscriptionService;
import org.penneosandbox.webhook.WebhookDispatcher;

/**
 * Plays case files through their life. A case file's plan is fixed by its first play or advance
 * (its end state and rounds); later calls continue it. Each step changes the case file's state
 * under its lock and yields events with strictly increasing event times, which go to both webhook
 * services.
 */
public final class LifecycleService {

  private static final Logger LOG = Logger.getLogger(LifecycleService.class.getName());

  public static final Set<String> CASEFILE_EVENTS = LifecyclePlan.ENDS;
  public static final Set<String> SIGNER_EVENTS =
      Set.of(
          "requestActivated",
          "requestSent",
          "reminderSent",
          "requestOpened",
          "undeliverable",
          "opened",
          "rejected",
          "signed",
          "finalized",
          "deleted",
          "signedWithImageUploadAndNAP",
          "transientBounce");

  /** How a play delivers its notifications; omitted values come from the delivery settings. */
  public record DeliveryOptions(int repeat, boolean shuffle, double drop) {}

  /** Where a case file is in its plan. */
  public record Progress(String to, int done, int total, List<String> executed) {}

  private static final class Plan {
    final String to;
    final List<Step> steps;
    int next;

    Plan(String to, List<Step> steps) {
      this.to = to;
      this.steps = steps;
    }
  }

  private final CaseFileStore store;
  private final CaseFileService caseFiles;
  private final SubscriptionService subscriptions;
  private final WebhookDispatcher dispatcher;
  private final ScheduledExecutorService scheduler;
  private final Map<Long, Plan> plans = new ConcurrentHashMap<>();
  private final Map<Long, Instant> lastEventTimes = new ConcurrentHashMap<>();
  private volatile long generation;

  public LifecycleService(
      CaseFileStore store,
      CaseFileService caseFiles,
      SubscriptionService subscriptions,
      WebhookDispatcher dispatcher,
      ScheduledExecutorService scheduler) {
    this.store = store;
    this.caseFiles = caseFiles;
    this.subscriptions = subscriptions;
    this.dispatcher = dispatcher;
    this.scheduler = scheduler;
  }

  public void reset() {
    generation++;
    plans.clear();
    lastEventTimes.clear();
  }

  /** Runs the rest of the plan now, or one step every {@code intervalMs} in the background. */
  public Progress play(long id, String to, int rounds, long intervalMs, DeliveryOptions delivery) {
    CaseFile cf = caseFile(id);
    Plan plan = plan(cf, to, rounds);
    if (intervalMs <= 0) {
      return advance(cf, plan, Integer.MAX_VALUE, delivery);
    }
    long gen = generation;
    scheduler.schedule(
        () -> playStepwise(id, plan, intervalMs, delivery, gen), 0, TimeUnit.MILLISECONDS);
    synchronized (cf) {
      return new Progress(plan.to, plan.next, plan.steps.size(), List.of());
    }
  }

  private void playStepwise(
      long id, Plan plan, long intervalMs, DeliveryOptions delivery, long gen) {
    try {
      if (gen != generation) {
        return;
      }
      CaseFile cf = store.caseFile(id).orElse(null);
      if (cf == null) {
        LOG.info(() -> "case file " + id + " is gone: its play stops");
        return;
      }
      Progress p = advance(cf, plan, 1, delivery);
      if (p.done() < p.total()) {
        scheduler.schedule(
            () -> playStepwise(id, plan, intervalMs, delivery, gen),
            intervalMs,
            TimeUnit.MILLISECONDS);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "play of case file " + id + " stopped", e);
    }
  }

  /** Runs the next {@code steps} steps of the plan. */
  public Progress advance(long id, String to, int rounds, int steps, DeliveryOptions delivery) {
    CaseFile cf = caseFile(id);
    return advance(cf, plan(cf, to, rounds), steps, delivery);
  }

  private Progress advance(CaseFile cf, Plan plan, int steps, DeliveryOptions delivery) {
    List<LifecycleEvent> events = new ArrayList<>();
    List<String> executed = new ArrayList<>();
    Progress progress;
    synchronized (cf) {
      for (int i = 0; i < steps && plan.next < plan.steps.size(); i++) {
        Step step = plan.steps.get(plan.next++);
        events.addAll(apply(cf, step));
        executed.add(step.describe());
      }
      progress = new Progress(plan.to, plan.next, plan.steps.size(), executed);
    }
    if (!executed.isEmpty()) {
      LOG.info(() -> "case file " + cf.id() + ": " + String.join(", ", executed));
    }
    subscriptions.publish(events, delivery.repeat(), delivery.shuffle(), delivery.drop());
    return progress;
  }

  private Plan plan(CaseFile cf, String to, int rounds) {
    synchronized (cf) {
      Plan existing = plans.get(cf.id());
      if (existing != null) {
        if (to != null && !to.equals(existing.to)) {
          throw ApiException.conflict(
              "case file " + cf.id() + " is already being played to " + existing.to);
        }
        return existing;
      }
      if (cf.ended() || cf.status() != Status.CASEFILE_DRAFT) {
        throw ApiException.conflict("case file " + cf.id() + " has already been played");
      }
      String target = to == null ? "completed" : to;
      List<Long> signerIds = cf.signers().stream().map(Signer::id).toList();
      Plan plan = new Plan(target, LifecyclePlan.plan(signerIds, target, rounds));
      plans.put(cf.id(), plan);
      return plan;
    }
  }

  private List<LifecycleEvent> apply(CaseFile cf, Step step) {
    Instant now = nextTime(cf);
    List<LifecycleEvent> events = new ArrayList<>();
    switch (step.kind()) {
      case ACTIVATE, ROUND -> {
        cf.status(Status.CASEFILE_PENDING);
        if (step.kind() == Step.Kind.ACTIVATE) {
          cf.activated(now);
        }
        cf.signIteration(step.round());
        cf.documents().forEach(d -> d.status(Status.DOCUMENT_PENDING));
        for (Signer s : cf.signers()) {
          s.status(Status.REQUEST_PENDING);
          events.add(signerEvent(cf, s, "requestActivated", now));
          now = nextTime(cf);
        }
      }
      case SIGNER -> {
        Signer s = signer(cf, step.signerId());
        switch (step.eventType()) {
          case "signed" -> s.status(Status.REQUEST_SIGNED);
          case "rejected" -> {
            s.status(Status.REQUEST_REJECTED);
            s.rejectReason("Rejected in the Penneo sandbox");
          }
          case "undeliverable" -> s.status(Status.REQUEST_UNDELIVERABLE);
          default -> {}
        }
        events.add(signerEvent(cf, s, step.eventType(), now));
      }
      case ALL_SIGNED -> {
        cf.status(Status.CASEFILE_SIGNED);
        cf.documents().forEach(d -> d.status(Status.DOCUMENT_SIGNED));
      }
      case END -> {
        end(cf, step.eventType(), now);
        events.add(caseFileEvent(cf, step.eventType(), now));
      }
      case FINALIZE -> events.add(signerEvent(cf, signer(cf, step.signerId()), "finalized", now));
    }
    return events;
  }

  private static void end(CaseFile cf, String how, Instant now) {
    cf.ended(true);
    switch (how) {
      case "completed" -> {
        cf.status(Status.CASEFILE_COMPLETED);
        cf.completedAt(now);
        cf.documents().forEach(d -> d.status(Status.DOCUMENT_COMPLETED));
      }
      case "rejected" -> {
        cf.status(Status.CASEFILE_REJECTED);
        cf.documents().forEach(d -> d.status(Status.DOCUMENT_REJECTED));
      }
      case "expired" -> cf.status(Status.CASEFILE_EXPIRED);
      default -> cf.documents().forEach(d -> d.status(Status.DOCUMENT_FAILED)); // failed
    }
  }

  /**
   * Sends one event as it is, changing nothing (for tests of odd sequences: a "completed" while the
   * API still says pending, a payload status that contradicts the event, …).
   */
  public LifecycleEvent emit(
      long id, String topic, String eventType, Long signerId, Integer status) {
    CaseFile cf = caseFile(id);
    LifecycleEvent event;
    synchronized (cf) {
      Instant now = nextTime(cf);
      if ("casefile".equals(topic)) {
        if (!CASEFILE_EVENTS.contains(eventType)) {
          throw ApiException.badRequest("casefile events are " + CASEFILE_EVENTS);
        }
        event = caseFileEvent(cf, eventType, now);
      } else if ("signer".equals(topic)) {
        if (!SIGNER_EVENTS.contains(eventType)) {
          throw ApiException.badRequest("signer events are " + SIGNER_EVENTS);
        }
        if (signerId == null) {
          throw ApiException.badRequest("'signerId' is required for signer events");
        }
        event = signerEvent(cf, signer(cf, signerId), eventType, now);
      } else {
        throw ApiException.badRequest("topic must be casefile or signer");
      }
      if (status != null) {
        event = withStatus(event, status);
      }
    }
    LOG.info("case file " + id + ": emitted " + topic + " " + eventType);
    var d = dispatcher.settings();
    subscriptions.publish(List.of(event), d.repeat(), d.shuffle(), d.drop());
    return event;
  }

  /** Deleting at Penneo: every signer gets "deleted", then the case file is gone from the API. */
  public void delete(long id) {
    CaseFile cf =
        store
            .caseFile(id)
            .orElseThrow(() -> ApiException.notFound("case file " + id + " not found"));
    List<LifecycleEvent> events = new ArrayList<>();
    synchronized (cf) {
      for (Signer s : cf.signers()) {
        s.status(Status.REQUEST_DELETED);
        events.add(signerEvent(cf, s, "deleted", nextTime(cf)));
      }
      plans.remove(cf.id());
      lastEventTimes.remove(cf.id());
      caseFiles.delete(cf);
    }
    var d = dispatcher.settings();
    subscriptions.publish(events, d.repeat(), d.shuffle(), d.drop());
  }

  private CaseFile caseFile(long id) {
    return store
        .caseFile(id)
        .orElseThrow(() -> ApiException.notFound("case file " + id + " not found"));
  }

  private static Signer signer(CaseFile cf, long signerId) {
    return cf.signers().stream()
        .filter(s -> s.id() == signerId)
        .findFirst()
        .orElseThrow(
            () ->
                ApiException.badRequest("signer " + signerId + " is not in case file " + cf.id()));
  }

  /** Event times strictly increase per case file, to the microsecond (the product's identity). */
  private Instant nextTime(CaseFile cf) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Instant last = lastEventTimes.getOrDefault(cf.id(), Instant.EPOCH);
    if (!now.isAfter(last)) {
      now = last.plus(1, ChronoUnit.MICROS);
    }
    lastEventTimes.put(cf.id(), now);
    return now;
  }

  private LifecycleEvent caseFileEvent(CaseFile cf, String type, Instant at) {
    return new LifecycleEvent(
        UUID.randomUUID().toString(),
        "casefile",
        type,
        at,
        dispatcher.nextTimeStyle(),
        cf.id(),
        cf.ownerUserId(),
        CaseFileJson.caseFile(cf),
        thin(cf.id(), cf.status()));
  }

  private LifecycleEvent signerEvent(CaseFile cf, Signer s, String type, Instant at) {
    return new LifecycleEvent(
        UUID.randomUUID().toString(),
        "signer",
        type,
        at,
        dispatcher.nextTimeStyle(),
        cf.id(),
        cf.ownerUserId(),
        CaseFileJson.signer(s),
        thin(s.id(), s.status()));
  }

  private static JsonObject thin(long id, int status) {
    return Json.createObjectBuilder().add("id", id).add("status", status).build();
  }

  private static LifecycleEvent withStatus(LifecycleEvent e, int status) {
    return new LifecycleEvent(
        e.eventId(),
        e.topic(),
        e.eventType(),
        e.time(),
        e.timeStyle(),
        e.caseFileId(),
        e.ownerUserId(),
        Json.createObjectBuilder(e.fullPayload()).add("status", status).build(),
        Json.createObjectBuilder(e.thinPayload()).add("status", status).build());
  }

  /** Where a case file is in its plan, or null if it was never played. */
  public Progress progress(long id) {
    Plan p = plans.get(id);
    return p == null ? null : new Progress(p.to, p.next, p.steps.size(), List.of());
  }
}
