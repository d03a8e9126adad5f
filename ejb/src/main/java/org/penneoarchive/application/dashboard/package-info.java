/**
 * Read-only queries for the records console: the dashboard's figures and the case-file search with
 * several filters, sorting and server-side pages. Nothing here changes state.
 */
package org.penneoarchive.application.dashboard;
