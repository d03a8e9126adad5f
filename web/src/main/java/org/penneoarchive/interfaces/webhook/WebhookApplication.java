package org.penneoarchive.interfaces.webhook;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The public webhook receiver, {@code /webhooks/*}: no authentication (the key routes). */
@ApplicationPath("/webhooks")
public class WebhookApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(WebhookResource.class);
  }
}
