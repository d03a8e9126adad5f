package org.penneoarchive.interfaces.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import org.penneoarchive.health.ReadinessGate;

/**
 * Opens the readiness gate when the web module has started — after the EJB module's start-up work
 * (schema migration) — so that {@code /health/ready} says UP only when the product answers.
 */
@WebListener
public class ReadinessListener implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(ReadinessListener.class.getName());

  @Override
  public void contextInitialized(ServletContextEvent sce) {
    ReadinessGate.open();
    LOG.info("penneo-archive is ready: console, API and webhook receiver answer");
  }

  @Override
  public void contextDestroyed(ServletContextEvent sce) {
    ReadinessGate.close();
  }
}
