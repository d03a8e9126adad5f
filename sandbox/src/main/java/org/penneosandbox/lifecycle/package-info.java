/**
 * The lifecycle driver: plans the steps that take a case file to an end (completed, rejected,
 * expired, failed), applies them one by one or all at once, and publishes the events they cause.
 */
package org.penneosandbox.lifecycle;
