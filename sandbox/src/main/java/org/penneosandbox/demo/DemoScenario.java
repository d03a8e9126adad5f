package org.penneosandbox.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.LongStream;
import org.penneosandbox.casefile.CaseFile;
import org.penneosandbox.casefile.CaseFileService;
import org.penneosandbox.config.SandboxConfig;
import org.penneosandbox.lifecycle.LifecycleService;
import org.penneosandbox.webhook.SubscriptionService;

/**
 * With {@code app.demo=true}: once the product has a confirmed legacy subscription and an active
 * current one, plays six case files once (four completed, one rejected, one expired) over about
 * thirty seconds, so that a newcomer watches the console fill up. One is delivered twice, and one
 * is played in one burst in random order, to show the product's deduplication and ordering.
 */
public final class DemoScenario {

  private static final Logger LOG = Logger.getLogger(DemoScenario.class.getName());

  private record Scripted(
      String title,
      String to,
      String owner,
      List<String> signers,
      List<Long> sizes,
      long startMs,
      int repeat,
      boolean shuffle) {}

  private static final List<Scripted> SCRIPT =
      List.of(
          new Scripted(
              "Employment contract - M. Jensen",
              "completed",
              "user",
              List.of("Mette Jensen", "Lars Holm"),
              List.of(150_000L, 80_000L),
              0,
              1,
              false),
          new Scripted(
              "Supplier agreement - Nordlys ApS",
              "rejected",
              "user",
              List.of("Søren Dahl", "Ida Krogh"),
              List.of(120_000L),
              2_000,
              1,
              false),
          new Scripted(
              "Non-disclosure agreement - Kobber & Co",
              "completed",
              "super",
              List.of("Anna Berg", "Jonas Friis", "Maja Lund"),
              List.of(60_000L),
              4_000,
              2,
              false),
          new Scripted(
              "Lease renewal - Vesterbrogade 12",
              "expired",
              "user",
              List.of("Peter Nørgaard", "Karen Skov"),
              List.of(90_000L),
              6_000,
              1,
              false),
          new Scripted(
              "Board minutes - March",
              "completed",
              "super",
              List.of("Emil Bak", "Sofie Vind"),
              List.of(200_000L, 50_000L),
              8_000,
              1,
              false),
          new Scripted(
              "Loan agreement - F. Holm",
              "completed",
              "user",
              List.of("Frida Holm", "Niels Juhl", "Clara Sand"),
              List.of(250_000L),
              20_000,
              1,
              true));

  private static final long STEP_INTERVAL_MS = 1_000;

  private final SandboxConfig config;
  private final CaseFileService caseFiles;
  private final LifecycleService lifecycle;
  private final SubscriptionService subscriptions;
  private final ScheduledExecutorService scheduler;
  private final AtomicBoolean started = new AtomicBoolean();

  public DemoScenario(
      SandboxConfig config,
      CaseFileService caseFiles,
      LifecycleService lifecycle,
      SubscriptionService subscriptions,
      ScheduledExecutorService scheduler) {
    this.config = config;
    this.caseFiles = caseFiles;
    this.lifecycle = lifecycle;
    this.subscriptions = subscriptions;
    this.scheduler = scheduler;
  }

  /** Subscriptions changed: start the demo if it is on, not yet played, and the product is in. */
  public void subscriptionsChanged() {
    if (config.demo()
        && subscriptions.hasConfirmedLegacyAndActiveCurrent()
        && started.compareAndSet(false, true)) {
      LOG.info("demo: the product subscribed to both services; playing the demo case files");
      for (Scripted s : SCRIPT) {
        scheduler.schedule(() -> play(s), s.startMs(), TimeUnit.MILLISECONDS);
      }
    }
  }

  public boolean started() {
    return started.get();
  }

  private void play(Scripted s) {
    try {
      List<CaseFileService.NewSigner> signers = new ArrayList<>();
      for (String name : s.signers()) {
        signers.add(new CaseFileService.NewSigner(name, email(name)));
      }
      List<CaseFileService.NewDocument> docs = new ArrayList<>();
      LongStream.range(0, s.sizes().size())
          .forEach(
              i ->
                  docs.add(
                      new CaseFileService.NewDocument(
                          i == 0 ? s.title() : "Appendix " + i, s.sizes().get((int) i), null)));
      CaseFile cf =
          caseFiles.create(s.title(), config.accountByName(s.owner()).orElseThrow(), signers, docs);
      lifecycle.play(
          cf.id(),
          s.to(),
          1,
          // A shuffled one is played at once: shuffling mixes the events of one batch.
          s.shuffle() ? 0 : STEP_INTERVAL_MS,
          new LifecycleService.DeliveryOptions(s.repeat(), s.shuffle(), 0.0));
      LOG.info(
          "demo: case file " + cf.id() + " \"" + s.title() + "\" is being played to " + s.to());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "demo: could not play \"" + s.title() + "\"", e);
    }
  }

  private static String email(String name) {
    String local =
        java.text.Normalizer.normalize(
                name.toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFD)
            .replace("ø", "o")
            .replaceAll("[^a-z ]", "")
            .trim()
            .replace(' ', '.');
    return local + "@example.com";
  }
}
