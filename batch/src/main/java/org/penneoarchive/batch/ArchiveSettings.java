package org.penneoarchive.batch;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.penneoarchive.archive.BagWriter;
import org.penneoarchive.archive.TrustAnchors;

/**
 * The archive's configuration ({@code archive.*}, {@code fixity.schedule}), read from MicroProfile
 * Config when asked, so that a changed value applies to the next job without a redeploy. Defaults
 * are in the shared {@code microprofile-config.properties}.
 */
@ApplicationScoped
public class ArchiveSettings {

  private static final Logger LOG = Logger.getLogger(ArchiveSettings.class.getName());

  /** Downloads in progress, on the archive's file system (so bags can hard-link them). */
  public static final String WORK = ".work";

  /** Files of quarantined case files, kept with their reason. */
  public static final String QUARANTINE = ".quarantine";

  private volatile CachedTrust trust;

  private record CachedTrust(Path path, FileTime modified, long size, TrustAnchors anchors) {}

  private static Config config() {
    return ConfigProvider.getConfig();
  }

  public Path root() {
    return Path.of(config().getValue("archive.root", String.class)).toAbsolutePath().normalize();
  }

  public Path workDir() {
    return root().resolve(WORK);
  }

  public Path quarantineDir() {
    return root().resolve(QUARANTINE);
  }

  public long maxDocumentBytes() {
    return config().getOptionalValue("archive.max-document-bytes", Long.class).orElse(2L << 30);
  }

  public int maxDocumentsPerCaseFile() {
    return config()
        .getOptionalValue("archive.max-documents-per-case-file", Integer.class)
        .orElse(500);
  }

  public int maxConcurrentJobs() {
    return Math.max(
        1, config().getOptionalValue("archive.max-concurrent-jobs", Integer.class).orElse(2));
  }

  public long coalesceMillis() {
    return Math.max(
        0, config().getOptionalValue("archive.coalesce-millis", Long.class).orElse(3000L));
  }

  public int sweepMaxCaseFiles() {
    return Math.max(
        1, config().getOptionalValue("archive.sweep.max-case-files", Integer.class).orElse(500));
  }

  public int itemAttempts() {
    return Math.max(1, config().getOptionalValue("archive.item-attempts", Integer.class).orElse(3));
  }

  public long retryDelayMillis() {
    return Math.max(
        0, config().getOptionalValue("archive.retry-delay-millis", Long.class).orElse(2000L));
  }

  public int transactionTimeoutSeconds() {
    return Math.max(
        60, config().getOptionalValue("archive.transaction-timeout", Integer.class).orElse(3600));
  }

  public String schedule() {
    return config().getOptionalValue("archive.schedule", String.class).orElse("minute=*/15;hour=*");
  }

  public String fixitySchedule() {
    return config().getOptionalValue("fixity.schedule", String.class).orElse("minute=0;hour=2");
  }

  public String sourceOrganization() {
    return config()
        .getOptionalValue("archive.source-organization", String.class)
        .orElse("penneo-archive");
  }

  public BagWriter bagWriter() {
    return new BagWriter(root(), sourceOrganization());
  }

  /**
   * The certificates a seal must chain to ({@code archive.trust-store}, with {@code
   * archive.trust-store.password} for a keystore); re-read when the file changes. Without the key
   * every seal is "not trusted".
   *
   * @throws IOException when the configured trust store cannot be read: nothing should be archived
   *     with a verdict made without it
   */
  public TrustAnchors trustAnchors() throws IOException {
    Optional<String> configured = config().getOptionalValue("archive.trust-store", String.class);
    if (configured.isEmpty() || configured.get().isBlank()) {
      return TrustAnchors.none();
    }
    Path path = Path.of(configured.get().strip());
    FileTime modified = Files.getLastModifiedTime(path);
    long size = Files.isDirectory(path) ? -1 : Files.size(path);
    CachedTrust cached = trust;
    if (cached != null
        && cached.path().equals(path)
        && cached.modified().equals(modified)
        && cached.size() == size) {
      return cached.anchors();
    }
    char[] password =
        config()
            .getOptionalValue("archive.trust-store.password", String.class)
            .map(String::toCharArray)
            .orElse(null);
    TrustAnchors anchors = TrustAnchors.of(path, password);
    trust = new CachedTrust(path, modified, size, anchors);
    LOG.info(
        () ->
            "Archive trust store "
                + path
                + ": "
                + anchors.certificates().size()
                + " certificates trusted for PAdES seals");
    return anchors;
  }
}
