/**
 * The audit log of staff and admin actions: one append-only table, one service ({@link
 * org.penneoarchive.application.audit.AuditLog}) that every action calls with who, what and which.
 */
package org.penneoarchive.application.audit;
