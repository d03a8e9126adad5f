/**
 * The Penneo sandbox: a stand-in for Penneo's e-signature service (REST API, send API, both webhook
 * services, signed PDFs, faults), for the demo run, the tests and the benchmarks of penneo-archive.
 * It shares no classes with the product on purpose, so that a mismatch between the two cannot hide
 * in shared code.
 */
package org.penneosandbox;
