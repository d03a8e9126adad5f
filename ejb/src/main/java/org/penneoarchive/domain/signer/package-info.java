/**
 * Signer progress derived from signer events: every event of every signing round is kept by the
 * caller, and the current state is a pure function of that set.
 */
package org.penneoarchive.domain.signer;
