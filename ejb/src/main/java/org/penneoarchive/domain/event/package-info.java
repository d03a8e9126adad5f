/**
 * Reading Penneo's webhook notifications: bounded JSON and form parsing, PHP {@code DateTime}
 * times, event-type names of both webhook services, and the classification of a body into a
 * notification, a confirmation token, a test ping or something not understood.
 *
 * <p>Penneo sends thin, repeated and unordered notifications with a wrong Content-Type; these
 * classes turn a raw body into a value with a canonical identity ({@link
 * org.penneoarchive.domain.event.EventIdentity}) so that duplicates from both services collapse.
 */
package org.penneoarchive.domain.event;
