/**
 * Faults on purpose: error statuses, 429 with Retry-After, slow answers, dropped connections,
 * truncated or corrupt PDFs, and case files that say completed before their PDFs are ready.
 */
package org.penneosandbox.faults;
