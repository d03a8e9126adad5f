/**
 * The case-file life cycle of CONTRACT.md: the facts gathered from events, the API and the archive
 * job, and the one state machine that derives a state from them regardless of the order in which
 * they arrived.
 */
package org.penneoarchive.domain.casefile;
