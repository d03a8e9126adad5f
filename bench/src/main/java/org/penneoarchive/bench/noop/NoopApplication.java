package org.penneoarchive.bench.noop;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The intake ceiling: bench-noop.war, context {@code /bench-noop}, JAX-RS under {@code /}. */
@ApplicationPath("/")
public class NoopApplication extends Application {}
