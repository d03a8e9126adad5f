/**
 * Authenticity of current-service webhook calls: the one place that knows how Penneo's {@code
 * x-event-signature} is read and checked, so that it can follow Penneo if Penneo documents the
 * scheme differently.
 */
package org.penneoarchive.domain.webhook;
