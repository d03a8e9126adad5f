package org.penneosandbox;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.logging.Logger;
import org.penneosandbox.auth.Authenticator;
import org.penneosandbox.casefile.CaseFileService;
import org.penneosandbox.casefile.CaseFileStore;
import org.penneosandbox.config.SandboxConfig;
import org.penneosandbox.demo.DemoScenario;
import org.penneosandbox.faults.FaultService;
import org.penneosandbox.ids.IdSequence;
import org.penneosandbox.lifecycle.LifecycleService;
import org.penneosandbox.pdf.SignedPdfFactory;
import org.penneosandbox.pdf.TestCa;
import org.penneosandbox.send.SendJobs;
import org.penneosandbox.webhook.DeliveryLog;
import org.penneosandbox.webhook.SinkLog;
import org.penneosandbox.webhook.SubscriptionService;
import org.penneosandbox.webhook.WebhookDispatcher;

/**
 * The composition root: builds the plain services once per deployment, on the container's managed
 * executors, and hands them to the JAX-RS resources. State lives in memory; only the id ceiling,
 * the test CA, the JWT key and the document files are on disk (under the data directory).
 */
@ApplicationScoped
public class Sandbox {

  private static final Logger LOG = Logger.getLogger(Sandbox.class.getName());

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  private ManagedScheduledExecutorService scheduler;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  private ManagedExecutorService executor;

  private SandboxConfig config;
  private TestCa ca;
  private Authenticator authenticator;
  private CaseFileStore store;
  private CaseFileService caseFiles;
  private WebhookDispatcher dispatcher;
  private SubscriptionService subscriptions;
  private LifecycleService lifecycle;
  private FaultService faults;
  private SendJobs sendJobs;
  private SinkLog sink;
  private DemoScenario demo;
  private volatile long jobDelayMs;

  /** Starts with the application, so that the CA exists before the first request. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    LOG.info(
        "Penneo sandbox ready; data in " + config.dataDir() + (config.demo() ? " (demo)" : ""));
  }

  @PostConstruct
  void start() {
    config = SandboxConfig.fromSystemProperties();
    IdSequence ids = new IdSequence(config.dataDir().resolve("id-ceiling"));
    ca = TestCa.loadOrCreate(config.dataDir().resolve("ca"));
    authenticator = new Authenticator(config, jwtKey(config.dataDir().resolve("jwt.key")));
    store = new CaseFileStore();
    caseFiles = new CaseFileService(config, ids, store, new SignedPdfFactory(ca));
    // State is in memory: documents left by an earlier run belong to no case file any more.
    caseFiles.reset();
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(executor)
            .build();
    dispatcher = new WebhookDispatcher(http, scheduler, new DeliveryLog());
    subscriptions = new SubscriptionService(config, ids, dispatcher);
    lifecycle = new LifecycleService(store, caseFiles, subscriptions, dispatcher, scheduler);
    faults = new FaultService();
    sendJobs = new SendJobs(() -> jobDelayMs);
    sink = new SinkLog();
    demo = new DemoScenario(config, caseFiles, lifecycle, subscriptions, scheduler);
    subscriptions.onChange(demo::subscriptionsChanged);
  }

  @PreDestroy
  void stop() {
    dispatcher.close();
    lifecycle.reset();
  }

  /** Forgets every case file, subscription, fault, setting and log (ids go on). */
  public void reset() {
    lifecycle.reset();
    caseFiles.reset();
    subscriptions.reset();
    dispatcher.reset();
    faults.settings(org.penneosandbox.faults.FaultSettings.none());
    authenticator.reset();
    authenticator.setTokenTtl(Duration.ofSeconds(config.defaultTokenTtlSeconds()));
    authenticator.setTolerance(Duration.ofSeconds(config.defaultWsseToleranceSeconds()));
    sendJobs.reset();
    sink.clear();
    jobDelayMs = 0;
    LOG.info("sandbox reset");
  }

  private static byte[] jwtKey(Path file) {
    try {
      if (Files.exists(file)) {
        return Files.readAllBytes(file);
      }
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      Files.createDirectories(file.getParent());
      Files.write(file, key);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the JWT key in " + file, e);
    }
  }

  public SandboxConfig config() {
    return config;
  }

  public TestCa ca() {
    return ca;
  }

  public Authenticator authenticator() {
    return authenticator;
  }

  public CaseFileStore store() {
    return store;
  }

  public CaseFileService caseFiles() {
    return caseFiles;
  }

  public WebhookDispatcher dispatcher() {
    return dispatcher;
  }

  public SubscriptionService subscriptions() {
    return subscriptions;
  }

  public LifecycleService lifecycle() {
    return lifecycle;
  }

  public FaultService faults() {
    return faults;
  }

  public SendJobs sendJobs() {
    return sendJobs;
  }

  public SinkLog sink() {
    return sink;
  }

  public DemoScenario demo() {
    return demo;
  }

  public long jobDelayMs() {
    return jobDelayMs;
  }

  public void jobDelayMs(long ms) {
    this.jobDelayMs = ms;
  }
}
