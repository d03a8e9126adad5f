package org.penneosandbox.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Penneo's paths sit at the root of the context: /oauth, /send, /api, /webhook, /control. */
@ApplicationPath("/")
public class SandboxApplication extends Application {}
