package org.penneoarchive.it.support;

import java.io.File;
import java.net.URI;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archives the ITs deploy, exactly as the build produced them (the product EAR and the sandbox
 * WAR), and where the IT server answers. Use as {@code @Deployment(testable = false)}.
 */
public final class Deployments {

  /** HTTP port of the IT server: 8080 plus the offset that keeps it away from a demo run. */
  public static final int HTTP_PORT = 8080 + Integer.getInteger("it.port.offset", 100);

  private Deployments() {}

  public static EnterpriseArchive product() {
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, file("ear.file"));
  }

  public static WebArchive sandbox() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, file("sandbox.file"));
  }

  /** {@code http://localhost:8180/penneo-archive} in the IT server. */
  public static URI productUrl() {
    return URI.create("http://localhost:" + HTTP_PORT + "/penneo-archive");
  }

  /** {@code http://localhost:8180/penneo-sandbox} in the IT server. */
  public static URI sandboxUrl() {
    return URI.create("http://localhost:" + HTTP_PORT + "/penneo-sandbox");
  }

  private static File file(String property) {
    String path = System.getProperty(property);
    if (path == null || !new File(path).isFile()) {
      throw new IllegalStateException(
          "System property " + property + " must name a built archive, got " + path);
    }
    return new File(path);
  }
}
