package org.penneosandbox.config;

/**
 * A Penneo API user of the sandbox's one customer. A super API user reads every case file of the
 * customer and gets full notification payloads; a normal user sees only the case files it owns.
 */
public record Account(
    String name, String key, String secret, long userId, long customerId, boolean superUser) {}
