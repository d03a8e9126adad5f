/** Ids that never repeat, across resets and restarts. */
package org.penneosandbox.ids;
