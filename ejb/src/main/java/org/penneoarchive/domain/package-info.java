/**
 * Domain rules of the archive: plain Java, no container, no I/O.
 *
 * <p>Everything here is a pure function of its inputs so that the rules that decide what an
 * incoming Penneo notification means, and what state a case file is in, are tested in milliseconds
 * and kept in one place each. Adapters (REST resources, MDBs, repositories) call these rules; they
 * never re-implement them.
 */
package org.penneoarchive.domain;
