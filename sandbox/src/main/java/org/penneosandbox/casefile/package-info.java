/**
 * Case files, their signers and documents: the sandbox's state (in memory, documents on disk),
 * creation with signed PDFs, visibility by account, and their JSON as Penneo shows it.
 */
package org.penneosandbox.casefile;
