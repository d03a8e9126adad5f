/**
 * The Penneo client: the one place through which the product talks to Penneo.
 *
 * <p>Subscriptions (both webhook services), intake enrichment, reconciliation and archival all call
 * Penneo through {@link org.penneoarchive.infrastructure.penneo.PenneoClient}, so that
 * authentication (WSSE, OAuth {@code api_keys}, JWT), retries ({@link
 * org.penneoarchive.infrastructure.penneo.RetryPolicy}), time-outs, pagination, size limits and the
 * rule "call only the configured Penneo hosts" live in one package and are tested once.
 *
 * <p>The classes are plain Java on {@code java.net.http} and JSON-P, without CDI or EJB
 * annotations: a producer elsewhere builds a {@link
 * org.penneoarchive.infrastructure.penneo.PenneoClientConfig} from MicroProfile Config and hands
 * out one shared, thread-safe client. Secrets (API secrets, OAuth client secret and tokens, JWTs,
 * subscription secrets, confirmation tokens) are never logged and never put in exception messages.
 */
package org.penneoarchive.infrastructure.penneo;
