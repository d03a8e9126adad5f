package org.penneoarchive.infrastructure.config;

/** Penneo's connection is not configured well enough to make a call; the message says why. */
public class PenneoNotConfiguredException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PenneoNotConfiguredException(String why) {
    super("Penneo is not configured: " + why + " (see docs/configuration.md)");
  }
}
