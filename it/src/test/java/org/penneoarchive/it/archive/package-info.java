/**
 * Integration tests of the archival pipeline against the Penneo sandbox: completed case files
 * become BagIt bags that an independent verifier ({@code gov.loc:bagit}) finds valid, with the PDFs
 * byte-identical to what the sandbox served; duplicates, faults, a crash and a 500 MB PDF. Run with
 * {@code -Dit.properties=.../it-archive-500.properties} (trust store, short pauses) or an {@code
 * it.properties} with the same archive keys.
 */
package org.penneoarchive.it.archive;
