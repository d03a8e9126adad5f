/**
 * Both of Penneo's webhook services: the legacy topic subscriptions with their confirmation
 * handshake, the current subscriptions with signed notifications, and the dispatcher that delivers
 * notifications with Penneo's quirks (wrong Content-Type, PHP date form, repeats, retries, drops).
 */
package org.penneosandbox.webhook;
